// The C-library facts' XML form: deterministic writer, validating reader, and
// where the data sets live.
#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <pugixml.hpp>

#include "arch-data/libc_store.h"
#include "arch-data/store.h"

namespace manaudit::archdata {

namespace {

namespace fs = std::filesystem;

constexpr const char* kFormat = "1";
constexpr std::string_view kSetPrefix = "glibc-";

const char* yes_no(bool b) { return b ? "yes" : "no"; }

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

/// Reads with line numbers in every error; the first error makes the file unusable.
struct Reader {
    const std::string& path;
    const std::string& text;
    Diagnostics& diags;
    bool ok = true;

    int line_of(std::ptrdiff_t offset) const {
        if (offset < 0) return 0;
        auto end = text.begin() + std::min<std::ptrdiff_t>(offset, static_cast<std::ptrdiff_t>(text.size()));
        return 1 + static_cast<int>(std::count(text.begin(), end, '\n'));
    }
    void error(pugi::xml_node at, const std::string& message) {
        if (ok) diags.push_back({path, line_of(at.offset_debug()), 0, Level::error, message});
        ok = false;
    }
    std::string required(pugi::xml_node n, const char* attr) {
        pugi::xml_attribute a = n.attribute(attr);
        if (!a) error(n, std::string("<") + n.name() + "> lacks the '" + attr + "' attribute");
        return a.value();
    }
    std::int64_t integer(pugi::xml_node n, const char* attr, bool* is_hex = nullptr) {
        std::string s = required(n, attr);
        bool hex = s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
        if (is_hex) *is_hex = hex;
        const char* first = s.data() + (hex ? 2 : 0);
        const char* last = s.data() + s.size();
        std::int64_t value = 0;
        std::from_chars_result r{};
        if (hex) {
            std::uint64_t u = 0;
            r = std::from_chars(first, last, u, 16);
            value = static_cast<std::int64_t>(u);
        } else {
            r = std::from_chars(first, last, value, 10);
        }
        if (s.empty() || r.ec != std::errc() || r.ptr != last)
            error(n, std::string("'") + attr + "' is not an integer: '" + s + "'");
        return value;
    }
    bool flag(pugi::xml_node n, const char* attr) {
        std::string s = n.attribute(attr).value();
        if (s.empty() || s == "no") return false;
        if (s == "yes") return true;
        error(n, std::string("'") + attr + "' must be yes or no, not '" + s + "'");
        return false;
    }
    pugi::xml_node list(pugi::xml_node root, const char* name) {
        pugi::xml_node node = root.child(name);
        if (!node) error(root, std::string("missing <") + name + ">");
        return node;
    }
    /// A list's count must match what it holds: a truncated file that still parses is caught.
    void check_count(pugi::xml_node list, std::size_t held) {
        if (!list) return;
        std::int64_t said = integer(list, "count");
        if (ok && static_cast<std::size_t>(said) != held)
            error(list, std::string("<") + list.name() + "> says count=" + std::to_string(said) + " but holds " +
                            std::to_string(held) + " (truncated?)");
    }
    LibcType type(pugi::xml_node n) {
        LibcType t;
        t.canonical = required(n, "canonical");
        t.spelled = required(n, "spelled");
        for (pugi::xml_node alt : n.children("alt")) t.alternatives.push_back(required(alt, "canonical"));
        return t;
    }
};

void write_typedefs(pugi::xml_node root, const char* list, const std::map<std::string, std::string>& typedefs) {
    pugi::xml_node node = counted_list(root, list, typedefs.size());
    for (const auto& [name, canonical] : typedefs) {
        pugi::xml_node e = node.append_child("typedef");
        e.append_attribute("name") = name.c_str();
        e.append_attribute("canonical") = canonical.c_str();
    }
}

void write_functions(pugi::xml_node root, const char* list, const std::map<std::string, LibcFunction>& functions) {
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

void read_typedefs(Reader& r, pugi::xml_node list, std::map<std::string, std::string>& out) {
    for (pugi::xml_node e : list.children("typedef")) out[r.required(e, "name")] = r.required(e, "canonical");
    r.check_count(list, out.size());
}

void read_functions(Reader& r, pugi::xml_node list, std::map<std::string, LibcFunction>& out) {
    for (pugi::xml_node e : list.children("function")) {
        LibcFunction f;
        f.name = r.required(e, "name");
        f.header = r.required(e, "header");
        f.line = static_cast<int>(r.integer(e, "line"));
        f.variadic = r.flag(e, "variadic");
        pugi::xml_node result = e.child("result");
        if (!result) r.error(e, "<function> lacks <result>");
        f.result = r.type(result);
        for (pugi::xml_node param : e.children("param")) f.params.push_back(r.type(param));
        out[f.name] = std::move(f);
    }
    r.check_count(list, out.size());
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::vector<std::string> libc_versions(const std::string& root) {
    std::vector<std::string> out;
    std::error_code ec;
    if (root.empty() || !is_dir(root)) return out;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > kSetPrefix.size() && name.starts_with(kSetPrefix) && is_dir(entry.path()))
            out.push_back(name.substr(kSetPrefix.size()));
    }
    std::sort(out.begin(), out.end(), version_less);
    return out;
}

std::string default_libc_data_dir() {
    if (const char* env = std::getenv("MANAUDIT_LIBC_DATA"); env && *env) return env;
    std::string root = shipped_arch_data_root();
    std::vector<std::string> versions = libc_versions(root);
    if (versions.empty()) return {};
    return (fs::path(root) / (std::string(kSetPrefix) + versions.back())).string();
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
    root.append_attribute("format") = kFormat;
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
    pugi::xml_parse_result parsed = doc.load_buffer(text.data(), text.size(), pugi::parse_default);
    Reader r{path, text, diags};
    if (!parsed) {
        diags.push_back({path, r.line_of(parsed.offset), 0, Level::error,
                         std::string("malformed C-library data XML: ") + parsed.description()});
        return std::nullopt;
    }
    pugi::xml_node root = doc.child("libc-data");
    if (!root) {
        diags.push_back({path, 0, 0, Level::error, "not a C-library data file: no <libc-data> root element"});
        return std::nullopt;
    }
    if (std::string(root.attribute("format").value()) != kFormat) {
        r.error(root, std::string("unsupported C-library data format '") + root.attribute("format").value() + "'");
        return std::nullopt;
    }
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
    if (!r.ok) return std::nullopt;
    return facts;
}

std::optional<LibcFacts> read_libc_file(const std::string& path, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.push_back({path, 0, 0, Level::error, "cannot open C-library data file"});
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_libc_xml(text.str(), path, diags);
}

bool write_libc_file(const LibcFacts& facts, const std::string& path, Diagnostics& diags) {
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << to_xml(facts);
        out.close();
        if (!out) {
            diags.push_back({path, 0, 0, Level::error, "cannot write C-library data file"});
            std::remove(tmp.c_str());
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        diags.push_back({path, 0, 0, Level::error, "cannot write C-library data file: " + ec.message()});
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

std::vector<LibcFacts> load_libc_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags) {
    std::vector<LibcFacts> out;
    for (const std::string& id : ids) {
        fs::path file = fs::path(dir) / (id + ".xml");
        std::error_code ec;
        if (!fs::exists(file, ec)) continue;
        if (auto facts = read_libc_file(file.string(), diags)) out.push_back(std::move(*facts));
    }
    return out;
}

}  // namespace manaudit::archdata
