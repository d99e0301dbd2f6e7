// Reading entry-point parameter lists from kernel sources as text.
#include "parsers/kernel/entry_signatures.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

namespace manaudit::kernel {

namespace {

namespace fs = std::filesystem;

// ASCII only, without the locale: this runs over every byte of the sources.
bool is_ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Source annotations that are not part of a parameter's C type.
std::string clean_type(std::string_view text) {
    static constexpr std::string_view kNoise[] = {"__user", "__force", "__maybe_unused"};
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        if (is_ident_char(text[at])) {
            std::size_t end = at;
            while (end < text.size() && is_ident_char(text[end])) ++end;
            std::string_view word = text.substr(at, end - at);
            if (std::find(std::begin(kNoise), std::end(kNoise), word) == std::end(kNoise)) {
                if (!out.empty() && out.back() != ' ' && out.back() != '*') out += ' ';
                out += word;
            }
            at = end;
        } else if (text[at] == '*') {
            if (!out.empty() && out.back() != ' ' && out.back() != '*') out += ' ';
            out += '*';
            ++at;
        } else {
            ++at;
        }
    }
    return out;
}

/// Splits at top-level commas.
std::vector<std::string_view> split_args(std::string_view text) {
    std::vector<std::string_view> out;
    int depth = 0;
    std::size_t start = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '(') ++depth;
        else if (text[i] == ')') --depth;
        else if (text[i] == ',' && depth == 0) {
            out.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(text.substr(start));
    return out;
}

std::string trimmed(std::string_view s) {
    std::size_t a = s.find_first_not_of(" \t\n");
    if (a == std::string_view::npos) return {};
    std::size_t b = s.find_last_not_of(" \t\n");
    return std::string(s.substr(a, b - a + 1));
}

/// The offset just past the parenthesis matching the one at `open`, or npos.
std::size_t past_closing(std::string_view code, std::size_t open) {
    int depth = 0;
    for (std::size_t i = open; i < code.size(); ++i) {
        if (code[i] == '(') ++depth;
        else if (code[i] == ')' && --depth == 0) return i + 1;
    }
    return std::string_view::npos;
}

// Words a return type is made of before a declared function's name; a call
// (`return sys_x(...)`, `x = sys_x(...)`) has something else there.
bool is_return_type_prefix(std::string_view prefix) {
    bool any = false;
    std::size_t at = 0;
    while (at < prefix.size()) {
        if (std::isspace(static_cast<unsigned char>(prefix[at])) || prefix[at] == '*') {
            ++at;
            continue;
        }
        if (!is_ident_char(prefix[at])) return false;
        std::size_t end = at;
        while (end < prefix.size() && is_ident_char(prefix[end])) ++end;
        std::string_view word = prefix.substr(at, end - at);
        if (word == "return" || word == "else" || word == "case" || word == "goto") return false;
        any = true;
        at = end;
    }
    return any;
}

void record(std::map<std::string, archdata::EntrySignature>& found, std::set<std::string>& defined,
            archdata::EntrySignature sig, bool definition) {
    auto it = found.find(sig.name);
    if (it != found.end() && (defined.count(sig.name) || !definition)) return;
    if (definition) defined.insert(sig.name);
    found[sig.name] = std::move(sig);
}

std::string relative(const KernelTree& tree, const fs::path& path) {
    return fs::path(path).lexically_relative(tree.root).generic_string();
}

/// The C files a kbuild Makefile compiles under `config`: `obj-y` and
/// `obj-$(CONFIG_X)` lines whose symbol is set, `$(BITS)` as the word size.
/// Other variables and conditionals are not evaluated (their files are left out).
std::set<std::string> compiled_files(std::string_view makefile, const SourceConfig& config) {
    std::set<std::string> out;
    std::string text(makefile);
    for (std::size_t at = text.find("\\\n"); at != std::string::npos; at = text.find("\\\n", at))
        text.replace(at, 2, " ");
    std::istringstream lines(text);
    const std::string bits = std::to_string(config.bits_per_long);
    for (std::string line; std::getline(lines, line);) {
        if (!line.starts_with("obj-")) continue;
        std::size_t assign = line.find('=');
        if (assign == std::string::npos) continue;
        std::string target = trimmed(std::string_view(line).substr(4, assign - 4));
        while (!target.empty() && (target.back() == '+' || target.back() == ':')) target.pop_back();
        target = trimmed(target);
        const bool built = target == "y" || (target.starts_with("$(") && target.ends_with(")") &&
                                              config.is_set(target.substr(2, target.size() - 3)));
        if (!built) continue;
        std::istringstream words(line.substr(assign + 1));
        for (std::string word; words >> word;) {
            if (word.starts_with('#')) break;
            for (std::size_t v = word.find("$(BITS)"); v != std::string::npos; v = word.find("$(BITS)"))
                word.replace(v, 7, bits);
            if (word.ends_with(".o") && word.find('$') == std::string::npos && word.find('/') == std::string::npos)
                out.insert(word.substr(0, word.size() - 2) + ".c");
        }
    }
    return out;
}

// The arch's files that define or declare entry points: the kernel/ and mm/
// sources its Makefiles build for this ABI (every one where a folder has no
// Makefile), and its asm/ syscall headers; not drivers, boot code, platforms.
std::vector<fs::path> arch_sources(const KernelTree& tree, const archdata::ArchInfo& arch,
                                   const SourceConfig& config) {
    const fs::path base = fs::path(tree.root) / "arch" / std::string(arch.kernel_arch);
    std::vector<fs::path> files;
    std::error_code ec;
    for (const char* dir : {"kernel", "mm"}) {
        const fs::path makefile = base / dir / "Makefile";
        const bool has_makefile = fs::is_regular_file(makefile, ec);
        const std::set<std::string> built = has_makefile ? compiled_files(read_file(makefile), config)
                                                         : std::set<std::string>{};
        for (const auto& e : fs::directory_iterator(base / dir, ec))
            if (e.is_regular_file() && e.path().extension() == ".c" &&
                (!has_makefile || built.count(e.path().filename().string())))
                files.push_back(e.path());
    }
    for (const auto& e : fs::directory_iterator(base / "include" / "asm", ec)) {
        std::string name = e.path().filename().string();
        if (e.is_regular_file() && name.find("syscall") != std::string::npos && e.path().extension() == ".h")
            files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}


// SYSCALL_DEFINEn(name, type, arg, ...): the entry point it defines, unless
// its arguments are not n type-name pairs (a macro standing for some of
// them, SH's SC_ARG64(offset), breaks the pairing).
std::optional<archdata::EntrySignature> defined_signature(std::string_view macro, std::string_view inside,
                                                          const std::string& source) {
    std::vector<std::string_view> args = split_args(inside);
    const std::size_t declared = static_cast<std::size_t>(macro[14] - '0');
    const bool paired = args.size() == 2 * declared + 1 &&
                        std::none_of(args.begin() + 1, args.end(),
                                     [](std::string_view a) { return a.find('(') != std::string_view::npos; });
    if (!paired || (declared == 0 && trimmed(args[0]).empty())) return std::nullopt;
    archdata::EntrySignature sig;
    sig.name = "sys_" + trimmed(args[0]);
    sig.source = source;
    for (std::size_t i = 1; i + 1 < args.size(); i += 2) sig.params.push_back({clean_type(args[i]), trimmed(args[i + 1])});
    return sig;
}

// A prototype or definition of `name`: its parameters, unless one is a macro
// that stands for parameters (SH's SC_ARG64(offset) is two of them) or a
// function pointer, which are not read as text.
std::optional<archdata::EntrySignature> declared_signature(std::string_view name, std::string_view inside,
                                                           const std::string& source) {
    std::string params;
    for (std::string_view arg : split_args(inside)) {
        if (arg.find('(') != std::string_view::npos) return std::nullopt;
        params += (params.empty() ? "" : ", ") + clean_type(arg);
    }
    archdata::EntrySignature sig;
    sig.name = std::string(name);
    sig.source = source;
    sig.params = archdata::parse_kernel_params(params);
    return sig;
}

bool is_define_macro(std::string_view word) {
    return word.starts_with("SYSCALL_DEFINE") && word.size() == 15 && std::isdigit(static_cast<unsigned char>(word[14]));
}

}  // namespace

void find_signatures(std::string_view code, const std::string& source, const NameSet& wanted,
                     std::map<std::string, archdata::EntrySignature>& found, std::set<std::string>& defined) {
    std::size_t at = 0;
    std::size_t statement_start = 0;  // after the last ';', '{' or '}'
    while (at < code.size()) {
        char c = code[at];
        if (c == ';' || c == '{' || c == '}') {
            statement_start = ++at;
            continue;
        }
        if (!is_ident_char(c) || (at > 0 && is_ident_char(code[at - 1]))) {
            ++at;
            continue;
        }
        std::size_t end = at;
        while (end < code.size() && is_ident_char(code[end])) ++end;
        std::string_view word = code.substr(at, end - at);
        std::size_t open = code.find_first_not_of(" \t\n", end);
        const bool define_macro = is_define_macro(word);
        if (open == std::string_view::npos || code[open] != '(' || (!define_macro && !wanted.contains(word))) {
            at = end;
            continue;
        }
        std::size_t close = past_closing(code, open);
        if (close == std::string_view::npos) break;
        std::string_view inside = code.substr(open + 1, close - open - 2);
        if (define_macro) {
            auto sig = defined_signature(word, inside, source);
            if (sig && wanted.count(sig->name)) record(found, defined, std::move(*sig), true);
            at = close;
            continue;
        }
        if (is_return_type_prefix(code.substr(statement_start, at - statement_start))) {
            std::size_t next = code.find_first_not_of(" \t\n", close);
            if (next != std::string_view::npos && (code[next] == ';' || code[next] == '{')) {
                auto sig = declared_signature(word, inside, source);
                if (!sig) {
                    at = close;
                    continue;
                }
                record(found, defined, std::move(*sig), code[next] == '{');
            }
        }
        at = end;
    }
}

SourceConfig arch_source_config(const KernelTree& tree, const archdata::ArchInfo& arch) {
    SourceConfig config;
    config.bits_per_long = arch.kernel_word_bits ? arch.kernel_word_bits : arch.word_bits;
    const fs::path kconfig = fs::path(tree.root) / "arch" / std::string(arch.kernel_arch) / "Kconfig";
    config.defined = kconfig_selects(read_file(kconfig), config.bits_per_long);
    config.defined.insert(config.bits_per_long == 64 ? "CONFIG_64BIT" : "CONFIG_32BIT");
    config.defined.insert("__KERNEL__");
    // The syscall wrapper changes how registers reach an entry point, not
    // its parameters; syscalls.h leaves its declarations out under it.
    config.defined.erase("CONFIG_ARCH_HAS_SYSCALL_WRAPPER");
    config.undefined.insert("CONFIG_ARCH_HAS_SYSCALL_WRAPPER");
    return config;
}

KernelSignatures read_kernel_signatures(const KernelTree& tree, const archdata::ArchInfo& arch,
                                        const std::map<std::string, std::string>& entry_by_call,
                                        Diagnostics& diags) {
    KernelSignatures out;
    NameSet wanted, generic_wanted;
    for (const auto& [call, entry] : entry_by_call) {
        wanted.insert(entry);
        // `_llseek` is sys_llseek.
        std::string base = call;
        while (base.starts_with('_')) base.erase(0, 1);
        generic_wanted.insert("sys_" + base);
    }
    const SourceConfig config = arch_source_config(tree, arch);
    std::set<std::string> defined;
    // First as this configuration builds them; then, for entry points still
    // missing, with the user's options (CONFIG_SYSVIPC) taken as set. Each
    // file is read once; one that names no entry point is skipped.
    SourceConfig with_options = config;
    with_options.assume_options = true;
    std::map<fs::path, std::string> texts;
    for (const SourceConfig* pass : {&config, static_cast<const SourceConfig*>(&with_options)}) {
        NameSet missing;
        for (const std::string& name : wanted)
            if (!out.entries.count(name)) missing.insert(name);
        if (missing.empty()) break;
        for (const fs::path& file : arch_sources(tree, arch, *pass)) {
            auto [it, fresh] = texts.try_emplace(file);
            if (fresh) it->second = read_file(file);
            const std::string& text = it->second;
            if (text.find("SYSCALL_DEFINE") == std::string::npos && text.find("asmlinkage") == std::string::npos &&
                text.find("sys_") == std::string::npos)
                continue;
            find_signatures(active_source(text, *pass), relative(tree, file), missing, out.entries, defined);
        }
    }

    const fs::path syscalls_h = fs::path(tree.root) / "include" / "linux" / "syscalls.h";
    const std::string text = read_file(syscalls_h);
    if (text.empty()) {
        diags.push_back({syscalls_h.string(), 0, 0, Severity::error,
                         "cannot read the kernel's syscall declarations; entry-point signatures unknown"});
        return out;
    }
    const std::string source = relative(tree, syscalls_h);
    std::set<std::string> not_defined;
    find_signatures(active_source(text, config), source, wanted, out.entries, not_defined);

    // The generic form: the same file with no arch's configuration.
    SourceConfig generic_config;
    generic_config.bits_per_long = config.bits_per_long;
    generic_config.defined.insert("__KERNEL__");
    std::map<std::string, archdata::EntrySignature> generic;
    not_defined.clear();
    find_signatures(active_source(text, generic_config), source, generic_wanted, generic, not_defined);
    for (const auto& [call, entry] : entry_by_call) {
        auto own = out.entries.find(entry);
        if (own == out.entries.end()) continue;
        std::string base = call;
        while (base.starts_with('_')) base.erase(0, 1);
        auto g = generic.find("sys_" + base);
        if (g == generic.end()) continue;
        if (archdata::kernel_params_text(g->second.params) != archdata::kernel_params_text(own->second.params))
            out.generic[call] = g->second;
    }
    return out;
}

}  // namespace manaudit::kernel
