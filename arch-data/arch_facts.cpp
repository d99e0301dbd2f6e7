// ArchFacts lookups and value rendering.
#include "arch-data/arch_facts.h"

#include <cctype>
#include <cstdio>
#include <string_view>

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

bool is_identifier(std::string_view word) {
    if (word.empty() || std::isdigit(static_cast<unsigned char>(word[0]))) return false;
    for (char c : word)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
    return true;
}

// Words that end a type, never a parameter's name.
bool is_type_word(std::string_view word) {
    static constexpr std::string_view kWords[] = {"char", "short", "int", "long", "signed", "unsigned", "void",
                                                  "float", "double", "_Bool", "const", "volatile"};
    for (std::string_view w : kWords)
        if (w == word) return true;
    return false;
}

KernelParam parse_one_param(std::string_view text) {
    std::vector<std::string> words;
    std::string word;
    for (char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) || c == '*') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
            if (c == '*') words.emplace_back("*");
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    KernelParam p;
    if (words.empty()) return p;
    // A name follows a type: a pointer star or a type word that is not
    // `struct` & co., and not only qualifiers.
    std::size_t last = words.size() - 1;
    bool typed_before = false;
    for (std::size_t i = 0; i < last; ++i)
        if (words[i] != "const" && words[i] != "volatile") typed_before = true;
    const std::string& before = last > 0 ? words[last - 1] : words[0];
    if (last > 0 && typed_before && is_identifier(words[last]) && !is_type_word(words[last]) && before != "struct" &&
        before != "union" && before != "enum") {
        p.name = words[last];
        words.pop_back();
    }
    for (const std::string& w : words) {
        if (w == "*") p.type += p.type.empty() || p.type.back() == '*' ? "*" : " *";
        else p.type += (p.type.empty() ? "" : " ") + w;
    }
    return p;
}

template <typename Map>
const typename Map::mapped_type* lookup(const Map& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? nullptr : &it->second;
}
}  // namespace

void ArchFacts::index_tables() {
    syscall_index_.build(syscalls);
    errnos.index();
    constants.index();
    structs.index();
    entry_signatures.index();
    generic_signatures.index();
}

const Syscall* ArchFacts::syscall(const std::string& name) const { return syscall_index_.find(syscalls, name); }
const Syscall* ArchFacts::implemented_syscall(const std::string& name) const {
    const Syscall* s = syscall(name);
    return s && s->implemented ? s : nullptr;
}
const MultiplexedCall* ArchFacts::multiplexed_call(const std::string& name) const {
    return lookup(multiplexed, name);
}
const Constant* ArchFacts::errno_value(const std::string& name) const { return errnos.lookup(name); }
const Constant* ArchFacts::constant(const std::string& name) const { return constants.lookup(name); }
const StructLayout* ArchFacts::layout(const std::string& name) const { return structs.lookup(name); }
const EntrySignature* ArchFacts::entry_signature(const std::string& entry) const {
    return entry_signatures.lookup(entry);
}
const EntrySignature* ArchFacts::generic_signature(const std::string& call) const {
    return generic_signatures.lookup(call);
}

std::string kernel_params_text(const std::vector<KernelParam>& params) {
    std::string out;
    for (const KernelParam& p : params) {
        if (!out.empty()) out += ", ";
        out += p.type;
        if (!p.name.empty()) out += (p.type.ends_with('*') ? "" : " ") + p.name;
    }
    return out;
}

std::vector<KernelParam> parse_kernel_params(const std::string& text) {
    std::vector<KernelParam> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) comma = text.size();
        KernelParam p = parse_one_param(std::string_view(text).substr(start, comma - start));
        if (!p.type.empty()) out.push_back(std::move(p));
        start = comma + 1;
    }
    // `(void)` declares no parameters.
    if (out.size() == 1 && out[0].type == "void" && out[0].name.empty()) out.clear();
    return out;
}

}  // namespace manaudit::archdata
