// ArchFacts lookups and value rendering.
#include "arch-data/arch_facts.h"

#include <cstdio>

namespace manaudit::archdata {

std::string Constant::text() const {
    if (!is_unsigned) return std::to_string(value);
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(value));
    return buf;
}

std::string kernel_series(const std::string& version) {
    std::size_t first = version.find('.');
    std::size_t second = first == std::string::npos ? first : version.find('.', first + 1);
    return second == std::string::npos ? version : version.substr(0, second);
}

namespace {
template <typename Map>
const typename Map::mapped_type* lookup(const Map& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}
}  // namespace

const Syscall* ArchFacts::syscall(const std::string& name) const { return lookup(syscalls, name); }
const Syscall* ArchFacts::implemented_syscall(const std::string& name) const {
    const Syscall* s = lookup(syscalls, name);
    return s && s->implemented ? s : nullptr;
}
const MultiplexedCall* ArchFacts::multiplexed_call(const std::string& name) const {
    return lookup(multiplexed, name);
}
const Constant* ArchFacts::errno_value(const std::string& name) const { return lookup(errnos, name); }
const Constant* ArchFacts::constant(const std::string& name) const { return lookup(constants, name); }
const StructLayout* ArchFacts::layout(const std::string& name) const { return lookup(structs, name); }

}  // namespace manaudit::archdata
