// Loading libgit2 at run time and resolving its functions by name.
#include "patches/libgit2_api.h"

namespace manaudit::patches {

namespace {

Libgit2 load() {
    static const SharedLibrary library(MANAUDIT_LIBGIT2_SONAME);
    Libgit2 functions;
    MANAUDIT_LIBGIT2_FUNCTIONS(MANAUDIT_FUNCTION_LOOKUP)
    // Once per process and never shut down: other threads may still be diffing at exit.
    functions.git_libgit2_init();
    return functions;
}

}  // namespace

const Libgit2& libgit2() {
    static const Libgit2 functions = load();
    return functions;
}

}  // namespace manaudit::patches
