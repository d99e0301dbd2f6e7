// Loading libclang at run time and resolving its functions by name.
#include "parsers/headers/libclang_api.h"

#include <cstdlib>
#include <stdexcept>

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
    try {
        static const SharedLibrary library(path);
        LibClang& functions = loaded.functions;
        MANAUDIT_LIBCLANG_FUNCTIONS(MANAUDIT_FUNCTION_LOOKUP)
    } catch (const std::runtime_error& e) {
        loaded.error = std::string(e.what()) + " (set MANAUDIT_LIBCLANG to the path of a libclang)";
        return loaded;
    }
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
