// Loading libgit2 at run time and resolving its functions by name.
#include "patches/libgit2_api.h"

#include "base/shared_library.h"

namespace manaudit::patches {

namespace {

Libgit2 load() {
    static const SharedLibrary library(MANAUDIT_LIBGIT2_SONAME);
    Libgit2 functions;
#define MANAUDIT_LIBGIT2_RESOLVE(name) functions.name = library.function<decltype(&::name)>(#name);
    MANAUDIT_LIBGIT2_FUNCTIONS(MANAUDIT_LIBGIT2_RESOLVE)
#undef MANAUDIT_LIBGIT2_RESOLVE
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
