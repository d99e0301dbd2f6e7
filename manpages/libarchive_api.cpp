// Loading libarchive at run time and resolving its functions by name.
#include "manpages/libarchive_api.h"

namespace manaudit::manpages {

namespace {

Libarchive load() {
    static const SharedLibrary library(MANAUDIT_LIBARCHIVE_SONAME);
    Libarchive functions;
    MANAUDIT_LIBARCHIVE_FUNCTIONS(MANAUDIT_FUNCTION_LOOKUP)
    return functions;
}

}  // namespace

const Libarchive& libarchive() {
    static const Libarchive functions = load();
    return functions;
}

}  // namespace manaudit::manpages
