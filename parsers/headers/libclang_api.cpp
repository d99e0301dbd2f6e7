// Loading libclang at run time and resolving its functions by name.
#include "parsers/headers/libclang_api.h"

#include <dlfcn.h>

#include <cstdlib>

namespace manaudit::headers {

namespace {

struct Loaded {
    LibClang functions;
    bool ok = false;
    std::string error;
};

Loaded load() {
    Loaded loaded;
    const std::string path = libclang_path();
    // The handle is never closed: the functions are used until the process ends.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = dlerror();
        // dlerror() names the library already.
        loaded.error = std::string("cannot load libclang: ") + (why ? why : path.c_str()) +
                       " (set MANAUDIT_LIBCLANG to the path of a libclang)";
        return loaded;
    }
#define MANAUDIT_LIBCLANG_RESOLVE(name)                                                        \
    loaded.functions.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));         \
    if (!loaded.functions.name) {                                                              \
        loaded.error = "cannot use libclang from " + path + ": it has no function " #name;     \
        return loaded;                                                                         \
    }
    MANAUDIT_LIBCLANG_FUNCTIONS(MANAUDIT_LIBCLANG_RESOLVE)
#undef MANAUDIT_LIBCLANG_RESOLVE
    loaded.ok = true;
    return loaded;
}

const Loaded& loaded_once() {
    static const Loaded loaded = load();  // thread-safe: extraction runs on several threads
    return loaded;
}

}  // namespace

std::string libclang_path() {
    const char* from_environment = std::getenv("MANAUDIT_LIBCLANG");
    return from_environment && *from_environment ? std::string(from_environment) : std::string(MANAUDIT_LIBCLANG_PATH);
}

const LibClang* load_libclang(std::string& error) {
    const Loaded& loaded = loaded_once();
    if (!loaded.ok) {
        error = loaded.error;
        return nullptr;
    }
    return &loaded.functions;
}

const LibClang& libclang() { return loaded_once().functions; }

}  // namespace manaudit::headers
