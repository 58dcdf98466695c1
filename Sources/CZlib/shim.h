#ifndef CURRICULUMKIT_CZLIB_SHIM_H
#define CURRICULUMKIT_CZLIB_SHIM_H

#include <zlib.h>

/// `inflateInit2` is a macro Swift cannot call; this passes the version and structure size it would.
static inline int ck_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

#endif
