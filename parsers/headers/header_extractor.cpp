// The extractor: parse the arch's headers, enumerate macros, evaluate them.
#include "parsers/headers/header_extractor.h"

#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <memory>

#include "base/parallel_for.h"
#include "parsers/headers/clang_handles.h"
#include "parsers/headers/clang_parse.h"
#include "parsers/headers/constant_families.h"
#include "parsers/headers/kernel_source_facts.h"
#include "parsers/headers/package_info.h"
#include "parsers/headers/probe_source.h"
#include "parsers/headers/struct_layouts.h"

namespace manaudit::headers {

namespace {

/// `path` relative to the include dir (the header as code includes it).
std::string relative_header(const std::string& path, const std::string& sysroot) {
    std::string root = sysroot;
    if (!root.empty() && root.back() != '/') root += '/';
    if (path.compare(0, root.size(), root) == 0) return path.substr(root.size());
    return std::filesystem::path(path).filename().string();
}

struct Candidate {
    std::string name;
    MacroKind kind;
    std::string header;
};

struct FirstPass {
    const std::string* sysroot;
    bool approximate;
    std::map<std::string, Candidate> candidates;  ///< the last definition wins, as in the preprocessor
    std::map<std::string, archdata::StructLayout> structs;
    std::set<std::string> wanted_structs;
};

CXChildVisitResult visit_top_level(CXCursor c, CXCursor, CXClientData data) {
    auto* pass = static_cast<FirstPass*>(data);
    CXCursorKind kind = libclang().clang_getCursorKind(c);
    if (kind == CXCursor_MacroDefinition) {
        if (libclang().clang_Cursor_isMacroBuiltin(c) || libclang().clang_Cursor_isMacroFunctionLike(c)) return CXChildVisit_Continue;
        Location loc = expansion_location(libclang().clang_getCursorLocation(c));
        if (loc.file.empty() || loc.file == kProbeFile) return CXChildVisit_Continue;
        std::string name = take_string(libclang().clang_getCursorSpelling(c));
        std::string header = relative_header(loc.file, *pass->sysroot);
        if (auto k = classify_macro(name, header)) pass->candidates[name] = {name, *k, header};
        else pass->candidates.erase(name);  // redefined by a header that is not its family's
    } else if (kind == CXCursor_StructDecl && libclang().clang_isCursorDefinition(c)) {
        std::string name = take_string(libclang().clang_getCursorSpelling(c));
        if (pass->wanted_structs.count(name) && !pass->structs.count(name)) {
            Location loc = expansion_location(libclang().clang_getCursorLocation(c));
            std::string header = loc.file == kProbeFile ? "linux/dirent.h (kernel-internal)"
                                                        : relative_header(loc.file, *pass->sysroot);
            pass->structs[name] = measure_struct(c, header, pass->approximate);
        }
    }
    return CXChildVisit_Continue;
}

struct Evaluated {
    std::int64_t value = 0;
    std::uint64_t unsigned_value = 0;
    bool is_unsigned = false;
    bool has_value = false;
    bool has_sign = false;
    std::optional<std::int64_t> time64;  ///< the value with a 64-bit time_t, where it differs
};

/// What the evaluation probe gives: each macro's value, and each retried
/// macro's value with a 32-bit and with a 64-bit time_t.
struct Evaluations {
    std::vector<Evaluated> values, time32, time64;
};

std::vector<Evaluated>* slot_of(Evaluations& e, char which) {
    switch (which) {
        case 'v':
        case 'u': return &e.values;
        case 'a': return &e.time32;
        case 'b': return &e.time64;
        default: return nullptr;
    }
}

CXChildVisitResult visit_enumerators(CXCursor c, CXCursor, CXClientData data) {
    auto* out = static_cast<Evaluations*>(data);
    switch (libclang().clang_getCursorKind(c)) {
        // The retries sit in enums inside two function bodies.
        case CXCursor_EnumDecl:
        case CXCursor_FunctionDecl:
        case CXCursor_CompoundStmt:
        case CXCursor_DeclStmt: return CXChildVisit_Recurse;
        case CXCursor_EnumConstantDecl: break;
        default: return CXChildVisit_Continue;
    }
    std::string name = take_string(libclang().clang_getCursorSpelling(c));
    constexpr std::string_view prefix = "__manaudit_";
    if (name.compare(0, prefix.size(), prefix) != 0 || name.size() < prefix.size() + 3) return CXChildVisit_Continue;
    const char which = name[prefix.size()];
    std::vector<Evaluated>* slot = slot_of(*out, which);
    const std::size_t index = std::stoul(name.substr(prefix.size() + 2));
    if (!slot || index >= slot->size()) return CXChildVisit_Continue;
    Evaluated& e = (*slot)[index];
    if (which == 'u') {
        e.is_unsigned = libclang().clang_getEnumConstantDeclValue(c) != 0;
        e.has_sign = true;
        return CXChildVisit_Continue;
    }
    e.value = libclang().clang_getEnumConstantDeclValue(c);
    e.unsigned_value = libclang().clang_getEnumConstantDeclUnsignedValue(c);
    e.has_value = true;
    if (which != 'v') e.has_sign = true;  // a retry is read as a signed integer
    return CXChildVisit_Continue;
}

/// Parses the prelude with the evaluation lines of `macros` and `retry`
/// appended, once; an enumerator on a line with an error is a macro that is
/// not an integer constant that way (a string, a type, a pointer) and stays
/// without value.
bool evaluate(CXIndex index, const std::vector<std::string>& args, const std::string& prelude,
              const std::vector<std::string>& macros, const std::vector<std::string>& retry, Evaluations& out,
              std::string& error) {
    out.values.assign(macros.size(), Evaluated{});
    out.time32.assign(retry.size(), Evaluated{});
    out.time64.assign(retry.size(), Evaluated{});
    TranslationUnit tu;
    if (!parse(index, args, prelude + evaluation_source(macros, retry), 0, tu, error)) return false;
    const int first_line = count_lines(prelude) + 1;
    std::set<std::size_t> failed_lines;
    for (const Diagnostic& d : errors_of(tu.get()))
        if (d.file == kProbeFile && d.line >= first_line) failed_lines.insert(static_cast<std::size_t>(d.line - first_line));
    libclang().clang_visitChildren(libclang().clang_getTranslationUnitCursor(tu.get()), visit_enumerators, &out);
    const EvaluationLines lines{macros.size(), retry.size()};
    for (std::size_t i = 0; i < macros.size(); ++i)
        if (failed_lines.count(lines.of_macro(i))) out.values[i] = Evaluated{};
    for (std::size_t j = 0; j < retry.size(); ++j) {
        if (failed_lines.count(lines.of_time32(j))) out.time32[j] = Evaluated{};
        if (failed_lines.count(lines.of_time64(j))) out.time64[j] = Evaluated{};
    }
    return true;
}

// Enumerators are narrowed to the expression's width when it is unsigned
// and narrower than 64 bits, which clang_getEnumConstantDeclUnsignedValue
// already reports; signed values keep their sign.
archdata::Constant make_constant(const Candidate& c, const Evaluated& e) {
    archdata::Constant k;
    k.name = c.name;
    k.header = c.header;
    k.is_unsigned = e.is_unsigned;
    k.value = e.is_unsigned ? static_cast<std::int64_t>(e.unsigned_value) : e.value;
    k.value_time64 = e.time64;
    return k;
}

std::string kernel_version_of(const std::map<std::string, std::int64_t>& extra) {
    auto get = [&](const char* n) -> std::string {
        auto it = extra.find(n);
        return it == extra.end() ? std::string() : std::to_string(it->second);
    };
    std::string major = get("LINUX_VERSION_MAJOR"), minor = get("LINUX_VERSION_PATCHLEVEL"),
                sub = get("LINUX_VERSION_SUBLEVEL");
    if (major.empty() || minor.empty()) return "unknown";
    return major + "." + minor + (sub.empty() ? "" : "." + sub);
}

// The include dir must exist and hold asm/unistd.h; false, with the
// reason in the result, when it does not.
bool is_kernel_header_tree(const archdata::ArchInfo& arch, const std::string& sysroot, bool is_default,
                           ExtractResult& result) {
    std::error_code ec;
    if (!std::filesystem::is_directory(sysroot, ec)) {
        std::string hint = is_default ? " (install linux-libc-dev-" + std::string(arch.debian_arch) + "-cross)" : "";
        result.diags.push_back({sysroot, 0, 0, Severity::error,
                                "no kernel headers for " + result.arch_id + ": directory not found" + hint});
        return false;
    }
    if (!std::filesystem::exists(sysroot + "/asm/unistd.h", ec)) {
        result.diags.push_back({sysroot, 0, 0, Severity::error,
                                "no asm/unistd.h under this include dir; not a kernel header tree for " +
                                    result.arch_id});
        return false;
    }
    return true;
}

// Pass 1: which macros and structs the headers define, and where. False,
// with the parse's errors in the result, when the headers do not compile.
bool run_first_pass(CXIndex index, const archdata::ArchInfo& arch, const std::vector<std::string>& args,
                    const std::string& prelude, FirstPass& first, ExtractResult& result) {
    const std::string& sysroot = *first.sysroot;
    TranslationUnit tu;
    std::string error;
    if (!parse(index, args, prelude,
               CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies, tu, error)) {
        result.diags.push_back({sysroot, 0, 0, Severity::error, error});
        return false;
    }
    Diagnostics errors = errors_of(tu.get());
    if (!errors.empty()) {
        result.diags = std::move(errors);
        result.diags.push_back({sysroot, 0, 0, Severity::error,
                                "the headers for " + result.arch_id + " do not compile for " +
                                    std::string(arch.clang_target)});
        return false;
    }
    libclang().clang_visitChildren(libclang().clang_getTranslationUnitCursor(tu.get()), visit_top_level, &first);
    return true;
}

// A constant with no value as written takes the one the C library's time_t
// gives it, the same for both time_t sizes or with the 64-bit one beside.
void adopt_time_t_values(Evaluations& evaluations, const std::vector<std::size_t>& retry) {
    for (std::size_t j = 0; j < retry.size(); ++j) {
        Evaluated& e = evaluations.values[retry[j]];
        const Evaluated &time32 = evaluations.time32[j], &time64 = evaluations.time64[j];
        if (e.has_value || !time32.has_value || !time64.has_value) continue;
        e = time32;
        if (time64.value != time32.value) e.time64 = time64.value;
    }
}

// One evaluated macro into the facts, by what kind of macro it is.
void add_evaluated(const Candidate& c, const Evaluated& e, archdata::ArchFacts& facts,
                   std::vector<archdata::MultiplexedCall>& multiplexer_calls) {
    switch (c.kind) {
        case MacroKind::syscall:
        case MacroKind::arch_private_syscall: {
            archdata::Syscall s;
            s.name = syscall_name(c.name);
            s.number = e.value;
            s.header = c.header;
            s.arch_private = c.kind == MacroKind::arch_private_syscall;
            // __NR_x wins over a private __ARM_NR_x of the same name.
            if (!facts.syscalls.count(s.name) || facts.syscalls[s.name].arch_private)
                facts.syscalls[s.name] = std::move(s);
            break;
        }
        case MacroKind::errno_value: facts.errnos[c.name] = make_constant(c, e); break;
        case MacroKind::constant: facts.constants[c.name] = make_constant(c, e); break;
        case MacroKind::socketcall_call:
        case MacroKind::ipc_call:
            multiplexer_calls.push_back({multiplexed_call_name(c.name),
                                         c.kind == MacroKind::socketcall_call ? "socketcall" : "ipc", e.value,
                                         c.header});
            break;
    }
}

// Which headers, package and command made the facts, and how they were evaluated.
void describe_provenance(archdata::Provenance& p, const archdata::ArchInfo& arch, const Source& source,
                         const std::string& sysroot, bool is_default) {
    const std::string arch_id(arch.id);
    if (!source.tree) {
        // Asking dpkg which package owns the headers costs more than the
        // parse; a kernel tree names its own package.
        PackageInfo package = headers_package(arch, sysroot, is_default);
        p.package = package.name;
        p.package_version = package.version;
        p.command = "manaudit extract --arch " + arch_id + (is_default ? "" : " --sysroot " + sysroot);
    } else {
        p.command = "manaudit extract --kernel-source DIR --arch " + arch_id;
        p.kernel_source = source.tree->package.empty() ? "Linux " + source.tree->version : source.tree->package;
        p.package = "linux-source (make headers_install ARCH=" + std::string(arch.kernel_arch) + ")";
        p.package_version = source.tree->version;
        p.sysroot = "";
    }
    p.clang_target = std::string(arch.clang_target);
    p.clang_args = std::string(arch.extra_args);
    p.stand_in = arch.stand_in;
    p.word_bits = arch.word_bits;
    p.byte_order = arch.big_endian ? "big" : "little";
    if (!source.tree) p.sysroot = sysroot;
    p.approximate_layouts = arch.stand_in || arch.approximate_layouts;
}

ExtractResult extract_with_index(CXIndex index, const archdata::ArchInfo& arch, const Source& source) {
    ExtractResult result;
    result.arch_id = std::string(arch.id);
    const bool is_default = source.sysroot.empty();
    std::string sysroot = is_default ? default_sysroot(arch) : source.sysroot;
    while (sysroot.size() > 1 && sysroot.back() == '/') sysroot.pop_back();
    if (!is_kernel_header_tree(arch, sysroot, is_default, result)) return result;
    const std::vector<std::string> args = clang_args(arch, sysroot);
    const bool approximate = arch.stand_in || arch.approximate_layouts;

    // Pass 1: which macros and structs the headers define, and where.
    const std::string prelude = prelude_source();
    FirstPass first{&sysroot, approximate, {}, {}, {}};
    for (std::string_view s : probe_structs()) first.wanted_structs.insert(std::string(s));
    if (!run_first_pass(index, arch, args, prelude, first, result)) return result;

    // Pass 2: each candidate's value as the target compiler computes it, in
    // one parse. Constants that are not integer constant expressions as
    // written are read again: pointer casts (SIG_DFL), and values chosen by
    // the C library's time_t (SO_RCVTIMEO), once for each time_t.
    std::vector<Candidate> candidates;
    for (auto& [name, c] : first.candidates) candidates.push_back(std::move(c));
    const std::vector<std::string> version_macros = {"LINUX_VERSION_MAJOR", "LINUX_VERSION_PATCHLEVEL",
                                                     "LINUX_VERSION_SUBLEVEL"};
    std::vector<std::string> expressions, retry_expressions;
    std::vector<std::size_t> retry;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        expressions.push_back(candidates[i].name);
        if (candidates[i].kind == MacroKind::constant) {
            retry.push_back(i);
            retry_expressions.push_back(candidates[i].name);
        }
    }
    for (const auto& v : version_macros) expressions.push_back(v);
    Evaluations evaluations;
    {
        std::string error;
        if (!evaluate(index, args, prelude, expressions, retry_expressions, evaluations, error)) {
            result.diags.push_back({sysroot, 0, 0, Severity::error, error});
            return result;
        }
    }
    std::vector<Evaluated>& values = evaluations.values;
    adopt_time_t_values(evaluations, retry);

    archdata::ArchFacts facts;
    std::vector<archdata::MultiplexedCall> multiplexer_calls;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Candidate& c = candidates[i];
        const Evaluated& e = values[i];
        if (e.has_value && e.has_sign) add_evaluated(c, e, facts, multiplexer_calls);
    }
    std::map<std::string, std::int64_t> version;
    for (std::size_t j = 0; j < version_macros.size(); ++j) {
        const Evaluated& e = values[candidates.size() + j];
        if (e.has_value) version[version_macros[j]] = e.value;
    }
    facts.structs = std::move(first.structs);
    if (source.tree) apply_kernel_source(index, arch, args, *source.tree, facts, result.diags);
    add_multiplexed_calls(facts, multiplexer_calls);

    describe_provenance(facts.provenance, arch, source, sysroot, is_default);
    facts.provenance.arch_id = result.arch_id;
    facts.provenance.kernel_version = kernel_version_of(version);
    result.facts = std::move(facts);
    return result;
}


/// What extracting `arch` gives when libclang cannot be loaded.
ExtractResult without_libclang(const archdata::ArchInfo& arch, const std::string& error) {
    ExtractResult result;
    result.arch_id = std::string(arch.id);
    result.diags.push_back({libclang_path(), 0, 0, Severity::error, error});
    return result;
}

}  // namespace

std::string default_sysroot(const archdata::ArchInfo& arch) {
    return "/usr/" + std::string(arch.triple) + "/include";
}

ExtractResult extract_arch(const archdata::ArchInfo& arch, const std::string& sysroot) {
    return extract_arch(arch, Source{sysroot, nullptr});
}

ExtractResult extract_arch(const archdata::ArchInfo& arch, const Source& source) {
    std::string error;
    if (!load_libclang(error)) return without_libclang(arch, error);
    Index index;
    return extract_with_index(index.get(), arch, source);
}

std::vector<ExtractResult> extract_arches(std::span<const archdata::ArchInfo* const> arches, int jobs) {
    return extract_arches(arches, jobs, std::vector<Source>(arches.size()));
}

std::vector<ExtractResult> extract_arches(std::span<const archdata::ArchInfo* const> arches, int jobs,
                                          const std::vector<Source>& sources) {
    std::vector<ExtractResult> results(arches.size());
    if (std::string error; !load_libclang(error)) {
        for (std::size_t i = 0; i < arches.size(); ++i) results[i] = without_libclang(*arches[i], error);
        return results;
    }
    // libclang: one index per thread, made by the thread that uses it.
    std::vector<std::unique_ptr<Index>> indexes(worker_count(std::max(jobs, 1), arches.size()));
    parallel_for(arches.size(), std::max(jobs, 1), [&](std::size_t i, std::size_t worker) {
        if (!indexes[worker]) indexes[worker] = std::make_unique<Index>();
        results[i] = extract_with_index(indexes[worker]->get(), *arches[i], sources[i]);
    });
    return results;
}

}  // namespace manaudit::headers
