// The C-library facts' XML form: deterministic writer, validating reader, and
// where the data sets live.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <pugixml.hpp>

#include "arch-data/fact_pack.h"
#include "arch-data/libc_store.h"
#include "arch-data/store.h"
#include "arch-data/xml_reader.h"
#include "base/output_file.h"
#include "base/parallel_for.h"

namespace manaudit::archdata {

namespace {

namespace fs = std::filesystem;

constexpr const char* kLibcFormat = "1";
constexpr std::string_view kLibcSetPrefix = "glibc-";

pugi::xml_node counted_list(pugi::xml_node root, const char* name, std::size_t count) {
    pugi::xml_node node = root.append_child(name);
    node.append_attribute("count") = static_cast<unsigned long long>(count);
    return node;
}

void write_type(pugi::xml_node node, const LibcType& t) {
    node.append_attribute("canonical") = t.canonical.c_str();
    node.append_attribute("spelled") = t.spelled.c_str();
    for (const std::string& alt : t.alternatives) node.append_child("alt").append_attribute("canonical") = alt.c_str();
}

LibcType read_type(XmlReader& r, pugi::xml_node n) {
    LibcType t;
    t.canonical = r.required(n, "canonical");
    t.spelled = r.required(n, "spelled");
    for (pugi::xml_node alt : n.children("alt")) t.alternatives.push_back(r.required(alt, "canonical"));
    return t;
}

void write_typedefs(pugi::xml_node root, const char* list, const std::map<std::string, std::string>& typedefs) {
    pugi::xml_node node = counted_list(root, list, typedefs.size());
    for (const auto& [name, canonical] : typedefs) {
        pugi::xml_node e = node.append_child("typedef");
        e.append_attribute("name") = name.c_str();
        e.append_attribute("canonical") = canonical.c_str();
    }
}

void write_functions(pugi::xml_node root, const char* list, const FactTable<LibcFunction>& functions) {
    pugi::xml_node node = counted_list(root, list, functions.size());
    for (const auto& [name, f] : functions) {
        pugi::xml_node e = node.append_child("function");
        e.append_attribute("name") = f.name.c_str();
        e.append_attribute("header") = f.header.c_str();
        e.append_attribute("line") = f.line;
        e.append_attribute("variadic") = yes_no(f.variadic);
        write_type(e.append_child("result"), f.result);
        for (const LibcType& t : f.params) write_type(e.append_child("param"), t);
    }
}

void read_typedefs(XmlReader& r, pugi::xml_node list, std::map<std::string, std::string>& out) {
    for (pugi::xml_node e : list.children("typedef")) out[r.required(e, "name")] = r.required(e, "canonical");
    r.check_count(list, out.size());
}

void read_functions(XmlReader& r, pugi::xml_node list, FactTable<LibcFunction>& out) {
    for (pugi::xml_node e : list.children("function")) {
        LibcFunction f;
        f.name = r.required(e, "name");
        f.header = r.required(e, "header");
        f.line = static_cast<int>(r.integer(e, "line"));
        f.variadic = r.flag(e, "variadic");
        pugi::xml_node result = e.child("result");
        if (!result) r.error(e, "<function> lacks <result>");
        f.result = read_type(r, result);
        for (pugi::xml_node param : e.children("param")) f.params.push_back(read_type(r, param));
        out[f.name] = std::move(f);
    }
    r.check_count(list, out.size());
}

bool is_libc_set_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::vector<std::string> libc_versions(const std::string& root) {
    std::vector<std::string> out;
    std::error_code ec;
    if (root.empty() || !is_libc_set_dir(root)) return out;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > kLibcSetPrefix.size() && name.starts_with(kLibcSetPrefix) && is_libc_set_dir(entry.path()))
            out.push_back(name.substr(kLibcSetPrefix.size()));
    }
    std::sort(out.begin(), out.end(), version_less);
    return out;
}

std::string default_libc_data_dir() {
    if (const char* env = std::getenv("MANAUDIT_LIBC_DATA"); env && *env) return env;
    std::string root = shipped_arch_data_root();
    std::vector<std::string> versions = libc_versions(root);
    if (versions.empty()) return {};
    return (fs::path(root) / (std::string(kLibcSetPrefix) + versions.back())).string();
}

std::string to_xml(const LibcFacts& facts) {
    const LibcProvenance& p = facts.provenance;
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node pi = doc.append_child(pugi::node_pi);
    pi.set_name("manaudit");
    pi.set_value(("generated-by: " + p.command).c_str());

    pugi::xml_node root = doc.append_child("libc-data");
    root.append_attribute("format") = kLibcFormat;
    root.append_attribute("arch") = p.arch_id.c_str();
    root.append_attribute("libc") = p.libc.c_str();
    root.append_attribute("version") = p.libc_version.c_str();
    pugi::xml_node prov = root.append_child("provenance");
    prov.append_attribute("package") = p.package.c_str();
    prov.append_attribute("package-version") = p.package_version.c_str();
    prov.append_attribute("command") = p.command.c_str();
    prov.append_attribute("clang-target") = p.clang_target.c_str();
    prov.append_attribute("clang-args") = p.clang_args.c_str();
    prov.append_attribute("stand-in") = yes_no(p.stand_in);
    prov.append_attribute("sysroot") = p.sysroot.c_str();
    prov.append_attribute("defines") = p.defines.c_str();

    pugi::xml_node headers = counted_list(root, "headers", facts.headers.size());
    for (const auto& [name, exists] : facts.headers) {
        pugi::xml_node e = headers.append_child("header");
        e.append_attribute("name") = name.c_str();
        e.append_attribute("exists") = yes_no(exists);
    }
    write_typedefs(root, "typedefs", facts.typedefs);
    write_functions(root, "functions", facts.functions);
    pugi::xml_node constants = counted_list(root, "constants", facts.constants.size());
    for (const auto& [name, c] : facts.constants) {
        pugi::xml_node e = constants.append_child("constant");
        e.append_attribute("name") = c.name.c_str();
        e.append_attribute("value") = c.text().c_str();
        e.append_attribute("header") = c.header.c_str();
    }
    if (!facts.typedefs_file_offset_64.empty() || !facts.functions_file_offset_64.empty()) {
        write_typedefs(root, "typedefs-file-offset-64", facts.typedefs_file_offset_64);
        write_functions(root, "functions-file-offset-64", facts.functions_file_offset_64);
    }
    std::ostringstream out;
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

std::optional<LibcFacts> parse_libc_xml(const std::string& text, const std::string& path, Diagnostics& diags) {
    pugi::xml_document doc;
    XmlReader r{path, text, diags};
    pugi::xml_node root = r.load_root(doc, "libc-data", "C-library data", "a C-library data", kLibcFormat);
    if (!root) return std::nullopt;
    LibcFacts facts;
    LibcProvenance& p = facts.provenance;
    p.arch_id = r.required(root, "arch");
    p.libc = r.required(root, "libc");
    p.libc_version = r.required(root, "version");
    pugi::xml_node prov = r.list(root, "provenance");
    p.package = r.required(prov, "package");
    p.package_version = r.required(prov, "package-version");
    p.command = r.required(prov, "command");
    p.clang_target = r.required(prov, "clang-target");
    p.clang_args = prov.attribute("clang-args").value();
    p.stand_in = r.flag(prov, "stand-in");
    p.sysroot = prov.attribute("sysroot").value();
    p.defines = prov.attribute("defines").value();

    pugi::xml_node headers = r.list(root, "headers");
    for (pugi::xml_node e : headers.children("header")) {
        std::string name = r.required(e, "name");
        pugi::xml_attribute exists = e.attribute("exists");
        if (!exists) r.error(e, "<header> lacks the 'exists' attribute");
        facts.headers[name] = r.flag(e, "exists");
    }
    r.check_count(headers, facts.headers.size());
    read_typedefs(r, r.list(root, "typedefs"), facts.typedefs);
    read_functions(r, r.list(root, "functions"), facts.functions);
    // Only ABIs where _FILE_OFFSET_BITS=64 changes something have these.
    if (pugi::xml_node list = root.child("typedefs-file-offset-64")) read_typedefs(r, list, facts.typedefs_file_offset_64);
    if (pugi::xml_node list = root.child("functions-file-offset-64"))
        read_functions(r, list, facts.functions_file_offset_64);
    pugi::xml_node constants = r.list(root, "constants");
    for (pugi::xml_node e : constants.children("constant")) {
        Constant c;
        c.name = r.required(e, "name");
        c.value = r.integer(e, "value", &c.is_unsigned);
        c.header = r.required(e, "header");
        facts.constants[c.name] = std::move(c);
    }
    r.check_count(constants, facts.constants.size());
    r.finish();
    if (!r.ok) return std::nullopt;
    return facts;
}

std::optional<LibcFacts> read_libc_file(const std::string& path, Diagnostics& diags) {
    // Shipped data is taken from the pack without keeping its text.
    if (auto packed = packed_libc_facts_of_file(path)) {
        packed->index_tables();
        return packed;
    }
    std::string error;
    std::optional<std::string> text = read_text_file(path, error);
    if (!text) {
        diags.push_back({path, 0, 0, Severity::error, "cannot open C-library data file"});
        return std::nullopt;
    }
    std::optional<LibcFacts> facts = parse_libc_xml(*text, path, diags);
    if (facts) facts->index_tables();
    return facts;
}

bool write_libc_file(const LibcFacts& facts, const std::string& path, Diagnostics& diags) {
    std::string error;
    if (write_output_file(path, to_xml(facts), error)) return true;
    diags.push_back({path, 0, 0, Severity::error, "cannot write C-library data file: " + error});
    return false;
}

std::vector<LibcFacts> load_libc_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags) {
    // Files are read side by side; facts and diagnostics keep the order of `ids`.
    std::vector<std::optional<LibcFacts>> read(ids.size());
    std::vector<Diagnostics> file_diags(ids.size());
    parallel_for(ids.size(), 0, [&](std::size_t i) {
        fs::path file = fs::path(dir) / (ids[i] + ".xml");
        std::error_code ec;
        if (fs::exists(file, ec)) read[i] = read_libc_file(file.string(), file_diags[i]);
    });
    std::vector<LibcFacts> out;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        for (Diagnostic& d : file_diags[i]) diags.push_back(std::move(d));
        if (read[i]) out.push_back(std::move(*read[i]));
    }
    return out;
}

}  // namespace manaudit::archdata
