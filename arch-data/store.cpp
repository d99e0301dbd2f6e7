// Locating the shipped arch data, reading and writing arch-data files.
#include "arch-data/store.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <sstream>

#include "arch-data/arch_table.h"
#include "arch-data/fact_pack.h"
#include "base/output_file.h"
#include "base/parallel_for.h"

namespace manaudit::archdata {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kKernelSetPrefix = "linux-";

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::string shipped_arch_data_root() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path beside = exe.parent_path().parent_path() / "share" / "manaudit" / "arch-data";
        if (!kernel_versions(beside.string()).empty()) return beside.string();
    }
    for (const fs::path& base : {fs::path(MANAUDIT_SOURCE_ARCH_DATA), fs::path(MANAUDIT_INSTALL_DATADIR) / "arch-data"})
        if (!kernel_versions(base.string()).empty()) return base.string();
    return {};
}

bool version_less(const std::string& a, const std::string& b) {
    std::istringstream in_a(a), in_b(b);
    std::string part_a, part_b;
    while (true) {
        bool more_a = static_cast<bool>(std::getline(in_a, part_a, '.'));
        bool more_b = static_cast<bool>(std::getline(in_b, part_b, '.'));
        if (!more_a || !more_b) return !more_a && more_b;
        long x = std::strtol(part_a.c_str(), nullptr, 10), y = std::strtol(part_b.c_str(), nullptr, 10);
        if (x != y) return x < y;
    }
}

std::vector<std::string> kernel_versions(const std::string& root) {
    std::vector<std::string> out;
    std::error_code ec;
    if (root.empty() || !is_dir(root)) return out;
    for (const auto& entry : fs::directory_iterator(root, ec)) {
        std::string name = entry.path().filename().string();
        if (name.size() > kKernelSetPrefix.size() && name.starts_with(kKernelSetPrefix) && is_dir(entry.path()))
            out.push_back(name.substr(kKernelSetPrefix.size()));
    }
    std::sort(out.begin(), out.end(), version_less);
    return out;
}

std::string resolve_data_set(const std::string& dir, const std::string& kernel) {
    std::vector<std::string> versions = kernel_versions(dir);
    if (versions.empty()) return dir;  // a data set itself
    if (kernel.empty()) return (fs::path(dir) / (std::string(kKernelSetPrefix) + versions.back())).string();
    for (const std::string& v : versions)
        if (v == kernel) return (fs::path(dir) / (std::string(kKernelSetPrefix) + v)).string();
    return {};
}

std::string default_arch_data_dir(const std::string& kernel) {
    if (const char* env = std::getenv("MANAUDIT_ARCH_DATA"); env && *env) return resolve_data_set(env, kernel);
    std::string root = shipped_arch_data_root();
    return root.empty() ? root : resolve_data_set(root, kernel);
}

std::optional<ArchFacts> read_arch_file(const std::string& path, Diagnostics& diags) {
    // Shipped data is taken from the pack without keeping its text.
    if (auto packed = packed_arch_facts_of_file(path)) {
        packed->index_tables();
        return packed;
    }
    std::string error;
    std::optional<std::string> text = read_text_file(path, error);
    if (!text) {
        diags.push_back({path, 0, 0, Severity::error, "cannot open arch-data file"});
        return std::nullopt;
    }
    std::optional<ArchFacts> facts = parse_arch_xml(*text, path, diags);
    if (facts) facts->index_tables();
    return facts;
}

bool write_arch_file(const ArchFacts& facts, const std::string& path, Diagnostics& diags) {
    std::string error;
    if (write_output_file(path, to_xml(facts), error)) return true;
    diags.push_back({path, 0, 0, Severity::error, "cannot write arch-data file: " + error});
    return false;
}

std::vector<ArchFacts> load_arch_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags) {
    std::vector<std::string> wanted = ids;
    if (wanted.empty()) {
        std::error_code ec;
        for (const ArchInfo& a : all_arches())
            if (fs::exists(fs::path(dir) / (std::string(a.id) + ".xml"), ec)) wanted.emplace_back(a.id);
    }
    // Files are read side by side; facts and diagnostics keep the table order.
    std::vector<std::optional<ArchFacts>> read(wanted.size());
    std::vector<Diagnostics> file_diags(wanted.size());
    parallel_for(wanted.size(), 0, [&](std::size_t i) {
        read[i] = read_arch_file((fs::path(dir) / (wanted[i] + ".xml")).string(), file_diags[i]);
    });
    std::vector<ArchFacts> out;
    for (std::size_t i = 0; i < wanted.size(); ++i) {
        for (Diagnostic& d : file_diags[i]) diags.push_back(std::move(d));
        if (read[i]) out.push_back(std::move(*read[i]));
    }
    return out;
}

std::optional<ArchFacts> load_arch_operand(const std::string& id_or_path, const std::string& dir,
                                           Diagnostics& diags) {
    std::error_code ec;
    if (fs::is_regular_file(id_or_path, ec)) return read_arch_file(id_or_path, diags);
    // linux-<version>/<id>: a data set of the root.
    std::string kernel, id = id_or_path;
    if (std::size_t slash = id_or_path.find('/');
        slash != std::string::npos && id_or_path.compare(0, kKernelSetPrefix.size(), kKernelSetPrefix) == 0 &&
        id_or_path.find('/', slash + 1) == std::string::npos) {
        kernel = id_or_path.substr(kKernelSetPrefix.size(), slash - kKernelSetPrefix.size());
        id = id_or_path.substr(slash + 1);
    } else if (id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".xml")) {
        return read_arch_file(id_or_path, diags);  // names the missing file
    }
    const ArchInfo* arch = find_arch_alias(id);
    if (!arch) {
        std::string known;
        for (const ArchInfo& a : all_arches()) known += (known.empty() ? "" : ", ") + std::string(a.id);
        diags.push_back({id_or_path, 0, 0, Severity::error, "unknown arch id (known: " + known + ")"});
        return std::nullopt;
    }
    std::string data_dir;
    if (!kernel.empty()) {
        std::string root = dir.empty() ? shipped_arch_data_root() : dir;
        if (const char* env = std::getenv("MANAUDIT_ARCH_DATA"); dir.empty() && env && *env) root = env;
        data_dir = resolve_data_set(root, kernel);
        if (data_dir.empty() || data_dir == root) {
            std::string known;
            for (const std::string& v : kernel_versions(root)) known += (known.empty() ? "" : ", ") + v;
            diags.push_back({id_or_path, 0, 0, Severity::error,
                             "no data for Linux " + kernel + (known.empty() ? "" : " (have: " + known + ")")});
            return std::nullopt;
        }
    } else {
        data_dir = dir.empty() ? default_arch_data_dir() : resolve_data_set(dir, "");
    }
    if (data_dir.empty()) {
        diags.push_back({id_or_path, 0, 0, Severity::error,
                         "no arch-data directory found; set MANAUDIT_ARCH_DATA or pass --arch-data DIR"});
        return std::nullopt;
    }
    return read_arch_file((fs::path(data_dir) / (std::string(arch->id) + ".xml")).string(), diags);
}

}  // namespace manaudit::archdata
