#include "CPUFeatures.h"

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

// XGETBV tells whether the OS saves the wide register state; CPUID alone does not.
static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

static int os_saves_ymm(void) {
    unsigned int a, b, c, d;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    if (!(c & (1u << 27))) return 0; // OSXSAVE
    return (read_xcr0() & 0x6) == 0x6; // XMM and YMM state
}

int recompose_cpu_has_avx2(void) {
    unsigned int a, b, c, d;
    if (!os_saves_ymm()) return 0;
    if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
    int fma = (c >> 12) & 1;
    int avx = (c >> 28) & 1;
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    int avx2 = (b >> 5) & 1;
    return fma && avx && avx2;
}

int recompose_cpu_has_avx512f(void) {
    unsigned int a, b, c, d;
    if (!os_saves_ymm()) return 0;
    if ((read_xcr0() & 0xE6) != 0xE6) return 0; // opmask, ZMM_Hi256, Hi16_ZMM
    if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
    return (b >> 16) & 1;
}
#else
int recompose_cpu_has_avx2(void) { return 0; }
int recompose_cpu_has_avx512f(void) { return 0; }
#endif
