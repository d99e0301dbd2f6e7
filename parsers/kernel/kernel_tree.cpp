// Locating per-ABI syscall tables in a kernel source tree.
#include "parsers/kernel/kernel_tree.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace manaudit::kernel {

namespace fs = std::filesystem;

namespace {

std::optional<std::string> read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string trim(std::string s) {
    const char* space = " \t\r\n";
    s.erase(0, s.find_first_not_of(space));
    s.erase(s.find_last_not_of(space) + 1);
    return s;
}

/// `NAME = value` (or `+=`) settings of a Makefile, values appended in order.
std::string make_setting(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    std::string value;
    for (std::string line; std::getline(in, line);) {
        std::string l = trim(line);
        if (l.compare(0, name.size(), name) != 0) continue;
        std::string rest = trim(l.substr(name.size()));
        if (rest.starts_with("+=")) value += " " + trim(rest.substr(2));
        else if (rest.starts_with(":=")) value = trim(rest.substr(2));
        else if (rest.starts_with("=")) value = trim(rest.substr(1));
    }
    return trim(value);
}

std::set<std::string> words(const std::string& s) {
    std::istringstream in(s);
    std::set<std::string> out;
    for (std::string w; in >> w;) out.insert(w);
    return out;
}

}  // namespace

std::optional<KernelTree> open_kernel_tree(const std::string& dir, Diagnostics& diags) {
    auto makefile = read_text(fs::path(dir) / "Makefile");
    std::error_code ec;
    if (!makefile || !fs::is_directory(fs::path(dir) / "arch", ec)) {
        diags.push_back({dir, 0, 0, Severity::error, "not a kernel source tree (no Makefile and arch/)"});
        return std::nullopt;
    }
    KernelTree tree;
    tree.root = fs::absolute(dir).lexically_normal().string();
    while (tree.root.size() > 1 && tree.root.back() == '/') tree.root.pop_back();
    std::string major = make_setting(*makefile, "VERSION"), minor = make_setting(*makefile, "PATCHLEVEL"),
                sub = make_setting(*makefile, "SUBLEVEL");
    if (major.empty() || minor.empty()) {
        diags.push_back({(fs::path(dir) / "Makefile").string(), 0, 0, Severity::error,
                         "no VERSION and PATCHLEVEL: not a kernel's top Makefile"});
        return std::nullopt;
    }
    tree.version = major + "." + minor + (sub.empty() || sub == "0" ? "" : "." + sub);
    if (auto package = read_text(fs::path(dir) / ".manaudit-package")) tree.package = trim(*package);
    return tree;
}

bool tree_has_arch(const KernelTree& tree, const archdata::ArchInfo& arch) {
    std::error_code ec;
    return fs::is_directory(fs::path(tree.root) / "arch" / std::string(arch.kernel_arch), ec);
}

std::optional<AbiTable> abi_table(const KernelTree& tree, const archdata::ArchInfo& arch) {
    if (!tree_has_arch(tree, arch)) return std::nullopt;
    std::error_code ec;
    AbiTable table;
    table.offset = arch.number_offset;
    if (!arch.syscall_table.empty()) {
        table.path = (fs::path(tree.root) / std::string(arch.syscall_table)).string();
        table.abis = words(std::string(arch.table_abis));
        if (!fs::is_regular_file(table.path, ec)) return std::nullopt;
        return table;
    }
    // asm-generic ABIs (Linux 6.11 and later): the arch's Makefile.syscalls.
    fs::path settings = fs::path(tree.root) / "arch" / std::string(arch.kernel_arch) / "kernel" / "Makefile.syscalls";
    auto text = read_text(settings);
    if (!text) return std::nullopt;
    const std::string bits = std::to_string(arch.word_bits);
    std::string own = make_setting(*text, "syscalltbl");
    if (own.empty()) {
        table.path = (fs::path(tree.root) / "scripts" / "syscall.tbl").string();
    } else {
        if (std::size_t pct = own.find('%'); pct != std::string::npos) own.replace(pct, 1, bits);
        table.path = (fs::path(tree.root) / own).string();
    }
    table.abis = words("common " + bits + " " + make_setting(*text, "syscall_abis_" + bits));
    if (!fs::is_regular_file(table.path, ec)) return std::nullopt;
    return table;
}

std::vector<AbiSyscall> read_abi_syscalls(const AbiTable& table, Diagnostics& diags) {
    std::vector<AbiSyscall> out;
    auto text = read_text(table.path);
    if (!text) {
        diags.push_back({table.path, 0, 0, Severity::error, "cannot read the syscall table"});
        return out;
    }
    for (TableEntry& e : parse_syscall_table(*text, table.path, diags)) {
        if (!table.abis.count(e.abi)) continue;
        out.push_back({e.number + table.offset, std::move(e.name), std::move(e.entry), std::move(e.compat_entry)});
    }
    return out;
}

}  // namespace manaudit::kernel
