// Gathering what pages ask of the C library, and looking its facts up.
#include "audit/libc_view.h"

#include "parsers/cdecl/type_meaning.h"

namespace manaudit::audit {

archdata::LibcWanted libc_wanted_from(const std::vector<manpages::Page>& pages) {
    archdata::LibcWanted wanted;
    auto add_types = [&](const std::string& type) {
        for (std::string& name : cdecl::typedef_names_in(type)) wanted.typedefs.insert(std::move(name));
    };
    for (const manpages::Page& page : pages) {
        for (const manpages::Include& inc : page.includes) wanted.headers.insert(inc.header);
        for (const manpages::Prototype& proto : page.prototypes) {
            wanted.functions.insert(proto.syscall_name.empty() ? proto.name : proto.syscall_name);
            add_types(proto.return_type);
            for (const manpages::Parameter& param : proto.params) add_types(param.type);
        }
        for (const manpages::ConstantRef& ref : page.constants) wanted.constants.insert(ref.name);
    }
    return wanted;
}

const archdata::LibcFacts* libc_of(const AuditContext& context, const std::string& arch_id) {
    for (const archdata::LibcFacts& f : context.libc)
        if (f.provenance.arch_id == arch_id) return &f;
    return nullptr;
}

bool libc_defines(const AuditContext& context, const std::string& arch_id, const std::string& name) {
    const archdata::LibcFacts* libc = libc_of(context, arch_id);
    return libc && libc->constant(name);
}

std::string libc_signature(const archdata::LibcFunction& function) {
    std::string out = function.result.spelled + " (";
    for (std::size_t i = 0; i < function.params.size(); ++i)
        out += (i ? ", " : "") + function.params[i].spelled;
    if (function.variadic) out += function.params.empty() ? "..." : ", ...";
    if (function.params.empty() && !function.variadic) out += "void";
    return out + ")";
}

Evidence libc_function_evidence(const AuditContext& context, const std::string& arch_id, const std::string& name) {
    Evidence e;
    e.arch = arch_id;
    const archdata::LibcFacts* libc = libc_of(context, arch_id);
    if (!libc) {
        e.value = "no C library data";  // not measured, unlike a C library without it
        return e;
    }
    const archdata::LibcFunction* f = libc->function(name);
    if (!f) return e;
    e.present = true;
    e.value = libc_signature(*f);
    e.header = f->header + ":" + std::to_string(f->line);
    return e;
}

bool page_wants_file_offset_64(const manpages::Page& page) {
    auto defines = [](const std::string& text) {
        std::size_t at = text.find("_FILE_OFFSET_BITS");
        return at != std::string::npos && text.find("64", at) != std::string::npos;
    };
    for (const manpages::Block& block : page.blocks)
        if (block.section == "SYNOPSIS" && block.kind != manpages::Block::Kind::comment && defines(block.text))
            return true;
    for (const std::string& line : page.feature_test_macros)
        if (defines(line)) return true;
    return false;
}

bool page_uses_other_library(const manpages::Page& page) {
    for (const manpages::Block& block : page.blocks) {
        if (block.section != "LIBRARY" || block.kind == manpages::Block::Kind::comment) continue;
        if (block.text.find("-l") != std::string::npos && block.text.find("-lc)") == std::string::npos &&
            block.text.find("Standard C library") == std::string::npos)
            return true;
    }
    return false;
}

}  // namespace manaudit::audit
