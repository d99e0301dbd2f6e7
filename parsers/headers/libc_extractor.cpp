// The C-library extractor: one probe per ABI including every documented
// header, read once for declarations, typedefs, macros and evaluated values.
#include "parsers/headers/libc_extractor.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "parsers/headers/clang_handles.h"
#include "parsers/headers/clang_parse.h"
#include "parsers/headers/package_info.h"
#include "parsers/headers/probe_source.h"

namespace manaudit::headers {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kKernelDirs[] = {"linux/", "asm/", "asm-generic/", "mtd/", "rdma/", "sound/",
                                            "video/", "xen/", "drm/", "misc/"};

// The probe's enumerator names: __manaudit_h_<i> (header i exists),
// __manaudit_v_<i>/__manaudit_u_<i> (constant i, see evaluation_source),
// and the C library's version.
constexpr std::string_view kHeaderPrefix = "__manaudit_h_";
constexpr std::string_view kValuePrefix = "__manaudit_";
constexpr const char* kMajor = "__manaudit_glibc_major";
constexpr const char* kMinor = "__manaudit_glibc_minor";

struct Probe {
    std::string source;
    std::vector<std::string> headers;    ///< index i is __manaudit_h_<i>
    std::vector<std::string> constants;  ///< index i is __manaudit_v_<i>
    int first_constant_line = 0;
};

/// The probe; with `file_offset_bits_64`, as programs built with
/// _FILE_OFFSET_BITS=64 see the headers (declarations and typedefs only).
Probe make_probe(const LibcWanted& wanted, bool file_offset_bits_64) {
    Probe p;
    // Feature-test macros first: they select what every header declares.
    p.source = file_offset_bits_64 ? "#define _FILE_OFFSET_BITS 64\n" : "";
    p.source += "#define _GNU_SOURCE 1\n#if __has_include(<features.h>)\n#include <features.h>\n#endif\n";
    for (const std::string& h : wanted.headers) {
        const std::string n = std::to_string(p.headers.size());
        p.headers.push_back(h);
        p.source.append("#if __has_include(<").append(h).append(">)\n");
        p.source.append("enum { ").append(kHeaderPrefix).append(n).append(" = 1 };\n");
        if (!is_kernel_header(h)) p.source += "#include <" + h + ">\n";
        p.source += "#endif\n";
    }
    p.source += "#ifdef __GLIBC__\nenum { " + std::string(kMajor) + " = __GLIBC__, " + kMinor +
                " = __GLIBC_MINOR__ };\n#endif\n";
    if (file_offset_bits_64) return p;
    p.constants.assign(wanted.constants.begin(), wanted.constants.end());
    p.first_constant_line = count_lines(p.source) + 1;
    p.source += evaluation_source(p.constants, {});
    return p;
}

/// `path` as code includes it: relative to the include dir that holds it.
std::string relative_header(const std::string& path, const std::vector<std::string>& dirs) {
    for (const std::string& d : dirs) {
        std::string root = d.back() == '/' ? d : d + "/";
        if (path.compare(0, root.size(), root) == 0) return path.substr(root.size());
    }
    return fs::path(path).filename().string();
}

struct Collected {
    const LibcWanted* wanted;
    const std::vector<std::string>* dirs;
    archdata::LibcFacts* facts;
    std::map<std::string, std::string> definitions;  ///< wanted constant -> header defining it
    std::map<std::string, std::int64_t> values;      ///< probe enumerators by name
    std::map<std::string, std::uint64_t> unsigned_values;
};

std::string spelling(CXType t) { return take_string(libclang().clang_getTypeSpelling(t)); }

CXVisitorResult collect_member(CXCursor c, CXClientData data) {
    auto* out = static_cast<std::vector<std::string>*>(data);
    out->push_back(spelling(libclang().clang_getCanonicalType(libclang().clang_getCursorType(c))));
    return CXVisit_Continue;
}

archdata::LibcType describe(CXType type) {
    archdata::LibcType t;
    CXType canonical = libclang().clang_getCanonicalType(type);
    t.canonical = spelling(canonical);
    t.spelled = spelling(type);
    // A union passed by value is a transparent union (glibc's __SOCKADDR_ARG):
    // the compiler accepts any member's type for it.
    CXCursor decl = libclang().clang_getTypeDeclaration(canonical);
    if (canonical.kind == CXType_Record && libclang().clang_getCursorKind(decl) == CXCursor_UnionDecl)
        libclang().clang_Type_visitFields(canonical, collect_member, &t.alternatives);
    return t;
}

void add_function(CXCursor c, const std::string& name, Collected& out) {
    if (out.facts->functions.count(name)) return;  // the first declaration
    CXType type = libclang().clang_getCursorType(c);
    archdata::LibcFunction f;
    f.name = name;
    f.result = describe(libclang().clang_getResultType(type));
    int n = libclang().clang_getNumArgTypes(type);
    for (int i = 0; i < n; ++i) f.params.push_back(describe(libclang().clang_getArgType(type, static_cast<unsigned>(i))));
    f.variadic = n < 0 || libclang().clang_isFunctionTypeVariadic(type);
    Location loc = expansion_location(libclang().clang_getCursorLocation(c));
    f.header = relative_header(loc.file, *out.dirs);
    f.line = static_cast<int>(loc.line);
    out.facts->functions[name] = std::move(f);
}

CXChildVisitResult visit(CXCursor c, CXCursor, CXClientData data) {
    auto* out = static_cast<Collected*>(data);
    CXCursorKind kind = libclang().clang_getCursorKind(c);
    switch (kind) {
        case CXCursor_EnumDecl: return CXChildVisit_Recurse;
        case CXCursor_EnumConstantDecl: {
            std::string name = take_string(libclang().clang_getCursorSpelling(c));
            if (name.starts_with(kValuePrefix)) {
                out->values[name] = libclang().clang_getEnumConstantDeclValue(c);
                out->unsigned_values[name] = libclang().clang_getEnumConstantDeclUnsignedValue(c);
            } else if (out->wanted->constants.count(name)) {
                Location loc = expansion_location(libclang().clang_getCursorLocation(c));
                out->definitions[name] = relative_header(loc.file, *out->dirs);
            }
            return CXChildVisit_Continue;
        }
        case CXCursor_MacroDefinition: {
            std::string name = take_string(libclang().clang_getCursorSpelling(c));
            if (!out->wanted->constants.count(name)) return CXChildVisit_Continue;
            Location loc = expansion_location(libclang().clang_getCursorLocation(c));
            if (loc.file.empty() || loc.file == kProbeFile) return CXChildVisit_Continue;
            out->definitions[name] = relative_header(loc.file, *out->dirs);  // the last definition wins
            return CXChildVisit_Continue;
        }
        case CXCursor_FunctionDecl: {
            std::string name = take_string(libclang().clang_getCursorSpelling(c));
            if (out->wanted->functions.count(name)) add_function(c, name, *out);
            return CXChildVisit_Continue;
        }
        case CXCursor_TypedefDecl: {
            std::string name = take_string(libclang().clang_getCursorSpelling(c));
            if (out->wanted->typedefs.count(name) && !out->facts->typedefs.count(name))
                out->facts->typedefs[name] =
                    spelling(libclang().clang_getCanonicalType(libclang().clang_getCursorType(c)));
            return CXChildVisit_Continue;
        }
        default: return CXChildVisit_Continue;
    }
}

/// On the host, /usr/include also holds other libraries' headers: only the
/// C library's and the kernel's count (the files their packages installed).
std::set<std::string> host_libc_headers(const archdata::ArchInfo& arch, const std::vector<std::string>& dirs) {
    std::set<std::string> out;
    for (std::string package : {"libc6-dev", "linux-libc-dev"}) {
        std::ifstream list("/var/lib/dpkg/info/" + package + ":" + std::string(arch.debian_arch) + ".list");
        for (std::string line; std::getline(list, line);)
            if (line.ends_with(".h")) out.insert(relative_header(line, dirs));
    }
    return out;
}

/// True when line `line` of `file` is an #error directive (a header refusing the target).
bool is_error_directive(const std::string& file, int line) {
    std::ifstream in(file);
    std::string text;
    for (int i = 0; i < line && std::getline(in, text); ++i) {}
    std::size_t hash = text.find('#');
    return hash != std::string::npos && text.find("error", hash) == text.find_first_not_of(" \t", hash + 1);
}

std::vector<std::string> libc_clang_args(const archdata::ArchInfo& arch, const LibcSource& source) {
    // A hosted C environment, as programs see it (no -ffreestanding).
    std::vector<std::string> args = {"-x", "c", "-std=gnu11", "-target", std::string(arch.clang_target),
                                     "-nostdinc", "-ferror-limit=0", "-w"};
    std::istringstream extra{std::string(arch.extra_args)};
    for (std::string a; extra >> a;) args.push_back(a);
    for (const std::string& d : source.include_dirs) {
        args.push_back("-isystem");
        args.push_back(d);
    }
    if (std::string res = clang_resource_include_dir(); !res.empty()) {
        args.push_back("-isystem");
        args.push_back(res);
    }
    return args;
}

// The probe's constants that evaluated, with the header defining each and
// whether the value is unsigned; those in `failed` are not integers there.
void add_probed_constants(const Probe& probe, Collected& collected, const std::set<std::size_t>& failed,
                          archdata::LibcFacts& facts) {
    for (std::size_t i = 0; i < probe.constants.size(); ++i) {
        const std::string& name = probe.constants[i];
        auto def = collected.definitions.find(name);
        auto value = collected.values.find("__manaudit_v_" + std::to_string(i));
        auto sign = collected.values.find("__manaudit_u_" + std::to_string(i));
        if (failed.count(i) || def == collected.definitions.end() || value == collected.values.end() ||
            sign == collected.values.end())
            continue;
        archdata::Constant k;
        k.name = name;
        k.header = def->second;
        k.is_unsigned = sign->second != 0;
        k.value = k.is_unsigned ? static_cast<std::int64_t>(collected.unsigned_values[value->first]) : value->second;
        facts.constants[name] = std::move(k);
    }
}

// What differs for programs built with _FILE_OFFSET_BITS=64 (off_t and
// the calls taking it on 32-bit ABIs), which pages may ask for.
void add_file_offset_64_differences(CXIndex index, const std::vector<std::string>& args, const LibcSource& source,
                                    const LibcWanted& wanted, archdata::LibcFacts& facts) {
    TranslationUnit wide;
    archdata::LibcFacts seen;
    std::string error;
    if (parse(index, args, make_probe(wanted, true).source, CXTranslationUnit_SkipFunctionBodies, wide, error)) {
        Collected pass{&wanted, &source.include_dirs, &seen, {}, {}, {}};
        libclang().clang_visitChildren(libclang().clang_getTranslationUnitCursor(wide.get()), visit, &pass);
    }
    for (auto& [name, canonical] : seen.typedefs)
        if (facts.typedefs.count(name) && facts.typedefs[name] != canonical)
            facts.typedefs_file_offset_64[name] = canonical;
    for (auto& [name, fn] : seen.functions) {
        const archdata::LibcFunction* plain = facts.function(name);
        if (plain && archdata::LibcFacts::signature(*plain) != archdata::LibcFacts::signature(fn))
            facts.functions_file_offset_64[name] = fn;
    }
}

LibcExtractResult extract_with_index(CXIndex index, const archdata::ArchInfo& arch, const LibcSource& source,
                                     const LibcWanted& wanted) {
    LibcExtractResult result;
    result.arch_id = std::string(arch.id);
    for (const std::string& d : source.include_dirs) {
        std::error_code ec;
        if (!fs::is_directory(d, ec)) {
            result.diags.push_back({d, 0, 0, Severity::error, "no C library headers for " + result.arch_id +
                                                               ": directory not found"});
            return result;
        }
    }
    const std::vector<std::string> args = libc_clang_args(arch, source);
    const Probe probe = make_probe(wanted, false);
    TranslationUnit tu;
    std::string error;
    if (!parse(index, args, probe.source,
               CXTranslationUnit_DetailedPreprocessingRecord | CXTranslationUnit_SkipFunctionBodies, tu, error)) {
        result.diags.push_back({source.include_dirs.front(), 0, 0, Severity::error, error});
        return result;
    }
    // Errors in the constants' lines are names the headers do not define as
    // integers; errors anywhere else are the headers' own, worth showing.
    std::set<std::size_t> failed;
    std::set<std::string> refused;  ///< headers that stop with an #error for this ABI (<sys/vm86.h> on x86-64)
    int header_errors = 0;
    for (Diagnostic& d : errors_of(tu.get())) {
        if (d.file == kProbeFile && d.line >= probe.first_constant_line) {
            failed.insert(static_cast<std::size_t>(d.line - probe.first_constant_line));
            continue;
        }
        if (d.file != kProbeFile && is_error_directive(d.file, d.line))
            refused.insert(relative_header(d.file, source.include_dirs));
        if (++header_errors <= 5) {
            d.level = Severity::warning;
            d.message = result.arch_id + ": " + d.message;
            result.diags.push_back(std::move(d));
        }
    }
    if (header_errors > 5)
        result.diags.push_back({source.include_dirs.front(), 0, 0, Severity::warning,
                                result.arch_id + ": " + std::to_string(header_errors - 5) +
                                    " more errors in the C library headers not shown"});

    archdata::LibcFacts facts;
    Collected collected{&wanted, &source.include_dirs, &facts, {}, {}, {}};
    libclang().clang_visitChildren(libclang().clang_getTranslationUnitCursor(tu.get()), visit, &collected);

    const std::set<std::string> owned = source.host ? host_libc_headers(arch, source.include_dirs)
                                                    : std::set<std::string>{};
    const std::string resource = clang_resource_include_dir();
    for (std::size_t i = 0; i < probe.headers.size(); ++i) {
        const std::string& h = probe.headers[i];
        bool exists = collected.values.count(std::string(kHeaderPrefix) + std::to_string(i)) > 0;
        std::error_code ec;
        if (exists && !owned.empty() && !owned.count(h) && !fs::exists(fs::path(resource) / h, ec)) exists = false;
        if (refused.count(h)) exists = false;  // there, but unusable for this ABI
        facts.headers[h] = exists;
    }
    add_probed_constants(probe, collected, failed, facts);
    add_file_offset_64_differences(index, args, source, wanted, facts);

    archdata::LibcProvenance& p = facts.provenance;
    p.arch_id = result.arch_id;
    p.libc = "glibc";
    auto major = collected.values.find(kMajor), minor = collected.values.find(kMinor);
    p.libc_version = major != collected.values.end() && minor != collected.values.end()
                         ? std::to_string(major->second) + "." + std::to_string(minor->second)
                         : "unknown";
    PackageInfo package = libc_package(arch, source.host);
    p.package = package.name;
    p.package_version = package.version;
    p.clang_target = std::string(arch.clang_target);
    p.clang_args = std::string(arch.extra_args);
    p.stand_in = arch.stand_in;
    for (const std::string& d : source.include_dirs) p.sysroot += (p.sysroot.empty() ? "" : " ") + d;
    p.defines = "_GNU_SOURCE";
    result.facts = std::move(facts);
    return result;
}

}  // namespace

bool is_kernel_header(std::string_view header) {
    for (std::string_view dir : kKernelDirs)
        if (header.starts_with(dir)) return true;
    return false;
}

std::optional<LibcSource> default_libc_source(const archdata::ArchInfo& arch) {
    std::error_code ec;
    const std::string triple(arch.triple);
    const std::string cross = "/usr/" + triple + "/include";
    // Only a C library packaged for this ABI: /usr/hppa64-linux-gnu/include
    // is a link to 32-bit PA-RISC's, for building kernels.
    if (fs::exists(cross + "/stdio.h", ec))
        return libc_package(arch, false).name == "unknown" ? std::nullopt
                                                           : std::optional<LibcSource>(LibcSource{{cross}, false});
    const std::string multiarch = "/usr/include/" + triple;
    if (fs::exists(multiarch + "/bits/wordsize.h", ec) && fs::exists("/usr/include/stdio.h", ec))
        return LibcSource{{multiarch, "/usr/include"}, true};
    return std::nullopt;
}

LibcExtractResult extract_libc(const archdata::ArchInfo& arch, const LibcSource& source, const LibcWanted& wanted) {
    std::string error;
    if (!load_libclang(error)) {
        LibcExtractResult r;
        r.arch_id = std::string(arch.id);
        r.diags.push_back({libclang_path(), 0, 0, Severity::error, error});
        return r;
    }
    Index index;
    return extract_with_index(index.get(), arch, source, wanted);
}

std::vector<LibcExtractResult> extract_libc_arches(std::span<const archdata::ArchInfo* const> arches,
                                                   const std::vector<LibcSource>& sources,
                                                   const LibcWanted& wanted, int jobs) {
    std::vector<LibcExtractResult> results(arches.size());
    if (std::string error; !load_libclang(error)) {
        for (std::size_t i = 0; i < arches.size(); ++i) {
            results[i].arch_id = std::string(arches[i]->id);
            results[i].diags.push_back({libclang_path(), 0, 0, Severity::error, error});
        }
        return results;
    }
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        Index index;  // libclang: one index per thread
        for (std::size_t i = next++; i < arches.size(); i = next++)
            results[i] = extract_with_index(index.get(), *arches[i], sources[i], wanted);
    };
    const std::size_t threads =
        std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(std::max(jobs, 1)), arches.size()));
    {
        std::vector<std::jthread> pool;
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    }
    return results;
}

}  // namespace manaudit::headers
