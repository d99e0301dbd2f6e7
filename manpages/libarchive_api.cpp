// Loading libarchive at run time and resolving its functions by name.
#include "manpages/libarchive_api.h"

#include "base/shared_library.h"

namespace manaudit::manpages {

namespace {

Libarchive load() {
    static const SharedLibrary library(MANAUDIT_LIBARCHIVE_SONAME);
    Libarchive functions;
#define MANAUDIT_LIBARCHIVE_RESOLVE(name) functions.name = library.function<decltype(&::name)>(#name);
    MANAUDIT_LIBARCHIVE_FUNCTIONS(MANAUDIT_LIBARCHIVE_RESOLVE)
#undef MANAUDIT_LIBARCHIVE_RESOLVE
    return functions;
}

}  // namespace

const Libarchive& libarchive() {
    static const Libarchive functions = load();
    return functions;
}

}  // namespace manaudit::manpages
