// Lookups in one ABI's C library facts.
#include "arch-data/libc_facts.h"

namespace manaudit::archdata {

void LibcFacts::index_tables() {
    functions.index();
    constants.index();
    functions_file_offset_64.index();
    typedef_index_.build(typedefs);
}

const LibcFunction* LibcFacts::function(const std::string& name) const {
    return functions.lookup(name);
}

std::optional<bool> LibcFacts::has_header(const std::string& header) const {
    auto it = headers.find(header);
    if (it == headers.end()) return std::nullopt;
    return it->second;
}

const Constant* LibcFacts::constant(const std::string& name) const { return constants.lookup(name); }

const std::string* LibcFacts::typedef_canonical(const std::string& name) const {
    return typedef_index_.find(typedefs, name);
}

const LibcFunction* LibcFacts::function(const std::string& name, bool file_offset_64) const {
    if (file_offset_64)
        if (const LibcFunction* f = functions_file_offset_64.lookup(name)) return f;
    return function(name);
}

const std::string* LibcFacts::typedef_canonical(const std::string& name, bool file_offset_64) const {
    if (file_offset_64)
        if (auto it = typedefs_file_offset_64.find(name); it != typedefs_file_offset_64.end()) return &it->second;
    return typedef_canonical(name);
}

std::string LibcFacts::signature(const LibcFunction& function) {
    std::string out = function.result.canonical + " (";
    for (std::size_t i = 0; i < function.params.size(); ++i) out += (i ? ", " : "") + function.params[i].canonical;
    return out + (function.variadic ? ", ...)" : ")");
}

}  // namespace manaudit::archdata
