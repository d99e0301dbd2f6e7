// Parsing a probe held in memory with libclang, and reading its errors.
#include "parsers/headers/clang_parse.h"

#include <filesystem>
#include <sstream>

namespace manaudit::headers {

std::string clang_resource_include_dir() {
    static const std::string dir = [] {
        std::error_code ec;
        if (std::filesystem::is_directory(MANAUDIT_CLANG_RESOURCE_INCLUDE, ec))
            return std::string(MANAUDIT_CLANG_RESOURCE_INCLUDE);
        return std::string();
    }();
    return dir;
}

std::vector<std::string> clang_args(const archdata::ArchInfo& arch, const std::string& sysroot) {
    std::vector<std::string> args = {"-x", "c", "-std=gnu11", "-target", std::string(arch.clang_target),
                                     "-nostdinc", "-ffreestanding", "-ferror-limit=0", "-w"};
    std::istringstream extra{std::string(arch.extra_args)};
    for (std::string a; extra >> a;) args.push_back(a);
    args.push_back("-isystem");
    args.push_back(sysroot);
    if (std::string res = clang_resource_include_dir(); !res.empty()) {
        args.push_back("-isystem");
        args.push_back(res);
    }
    return args;
}

Location expansion_location(CXSourceLocation loc) {
    CXFile file = nullptr;
    Location out;
    libclang().clang_getExpansionLocation(loc, &file, &out.line, &out.column, nullptr);
    if (file) out.file = take_string(libclang().clang_getFileName(file));
    return out;
}

bool parse(CXIndex index, const std::vector<std::string>& args, const std::string& source, unsigned options,
           TranslationUnit& tu, std::string& error) {
    std::vector<const char*> argv;
    argv.reserve(args.size());
    for (const auto& a : args) argv.push_back(a.c_str());
    CXUnsavedFile unsaved{kProbeFile, source.c_str(), static_cast<unsigned long>(source.size())};
    CXErrorCode rc = libclang().clang_parseTranslationUnit2(index, kProbeFile, argv.data(), static_cast<int>(argv.size()),
                                                 &unsaved, 1, options, tu.out());
    if (rc != CXError_Success || !tu.get()) {
        error = "libclang could not parse the probe (error " + std::to_string(static_cast<int>(rc)) + ")";
        return false;
    }
    return true;
}

/// Errors of a parse as diagnostics naming the header and line.
Diagnostics errors_of(CXTranslationUnit tu) {
    Diagnostics out;
    unsigned n = libclang().clang_getNumDiagnostics(tu);
    for (unsigned i = 0; i < n; ++i) {
        CXDiagnostic d = libclang().clang_getDiagnostic(tu, i);
        if (libclang().clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            Location loc = expansion_location(libclang().clang_getDiagnosticLocation(d));
            out.push_back({loc.file.empty() ? kProbeFile : loc.file, static_cast<int>(loc.line),
                           static_cast<int>(loc.column), Severity::error, take_string(libclang().clang_getDiagnosticSpelling(d))});
        }
        libclang().clang_disposeDiagnostic(d);
    }
    return out;
}

}  // namespace manaudit::headers
