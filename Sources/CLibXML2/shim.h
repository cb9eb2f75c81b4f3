// Debian builds libxml2 with ICU, so <libxml/encoding.h> includes the system's
// <unicode/ucnv.h>. Foundation on Linux ships its own copy of ICU's headers (_FoundationICU)
// with different enum members, and Clang refuses a module that sees both definitions. We never
// use libxml2's ICU converters, so declare UConverter opaque and mark ucnv.h as already
// included: libxml2's headers then compile without any ICU header.
#include <stdint.h>
#ifndef UCNV_H
#define UCNV_H
typedef struct UConverter UConverter;
typedef uint16_t UChar;  /* ICU's UChar in C: a UTF-16 code unit */
#endif

#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
