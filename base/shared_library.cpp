#include "base/shared_library.h"

#include <dlfcn.h>

#include <stdexcept>

namespace manaudit {

SharedLibrary::SharedLibrary(std::string soname) : soname_(std::move(soname)) {
    // RTLD_LOCAL: its symbols serve only the functions looked up here.
    handle_ = dlopen(soname_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle_) {
        // dlerror() names the file: "libgit2.so.1.5: cannot open shared object file: ...".
        const char* why = dlerror();
        throw std::runtime_error("cannot load " + (why ? std::string(why) : soname_));
    }
}

void* SharedLibrary::address_of(const char* name) const {
    dlerror();
    void* address = dlsym(handle_, name);
    if (!address) throw std::runtime_error(soname_ + " has no function " + name);
    return address;
}

}  // namespace manaudit
