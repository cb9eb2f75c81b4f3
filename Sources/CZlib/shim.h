#ifndef RECOMPOSE_CZLIB_SHIM_H
#define RECOMPOSE_CZLIB_SHIM_H
// zlib, for the deflate streams inside compressed MusicXML (.mxl) archives.
#include <zlib.h>
#endif
