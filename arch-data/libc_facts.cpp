// Lookups in one ABI's C library facts.
#include "arch-data/libc_facts.h"

namespace manaudit::archdata {

const LibcFunction* LibcFacts::function(const std::string& name) const {
    auto it = functions.find(name);
    return it == functions.end() ? nullptr : &it->second;
}

std::optional<bool> LibcFacts::has_header(const std::string& header) const {
    auto it = headers.find(header);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

const Constant* LibcFacts::constant(const std::string& name) const {
    auto it = constants.find(name);
    return it == constants.end() ? nullptr : &it->second;
}

const std::string* LibcFacts::typedef_canonical(const std::string& name) const {
    auto it = typedefs.find(name);
    return it == typedefs.end() ? nullptr : &it->second;
}

}  // namespace manaudit::archdata
