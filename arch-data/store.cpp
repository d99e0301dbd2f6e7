// Locating the shipped arch data, reading and writing arch-data files.
#include "arch-data/store.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include "arch-data/arch_table.h"

namespace manaudit::archdata {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDataSet = "linux-6.1";

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

}  // namespace

std::string default_arch_data_dir() {
    if (const char* env = std::getenv("MANAUDIT_ARCH_DATA"); env && *env) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path beside = exe.parent_path().parent_path() / "share" / "manaudit" / "arch-data" / kDataSet;
        if (is_dir(beside)) return beside.string();
    }
    for (fs::path base : {fs::path(MANAUDIT_SOURCE_ARCH_DATA), fs::path(MANAUDIT_INSTALL_DATADIR) / "arch-data"})
        if (is_dir(base / kDataSet)) return (base / kDataSet).string();
    return {};
}

std::optional<ArchFacts> read_arch_file(const std::string& path, Diagnostics& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.push_back({path, 0, 0, Level::error, "cannot open arch-data file"});
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_arch_xml(text.str(), path, diags);
}

bool write_arch_file(const ArchFacts& facts, const std::string& path, Diagnostics& diags) {
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out << to_xml(facts);
        out.close();
        if (!out) {
            diags.push_back({path, 0, 0, Level::error, "cannot write arch-data file"});
            std::remove(tmp.c_str());
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        diags.push_back({path, 0, 0, Level::error, "cannot write arch-data file: " + ec.message()});
        std::remove(tmp.c_str());
        return false;
    }
    return true;
}

std::vector<ArchFacts> load_arch_data(const std::string& dir, const std::vector<std::string>& ids,
                                      Diagnostics& diags) {
    std::vector<std::string> wanted = ids;
    if (wanted.empty())
        for (const ArchInfo& a : all_arches()) wanted.emplace_back(a.id);
    std::vector<ArchFacts> out;
    for (const std::string& id : wanted) {
        if (auto facts = read_arch_file((fs::path(dir) / (id + ".xml")).string(), diags))
            out.push_back(std::move(*facts));
    }
    return out;
}

std::optional<ArchFacts> load_arch_operand(const std::string& id_or_path, const std::string& dir,
                                           Diagnostics& diags) {
    std::error_code ec;
    const bool looks_like_file = id_or_path.find('/') != std::string::npos || id_or_path.ends_with(".xml") ||
                                 fs::is_regular_file(id_or_path, ec);
    if (!looks_like_file) {
        if (!find_arch(id_or_path)) {
            std::string known;
            for (const ArchInfo& a : all_arches()) known += (known.empty() ? "" : ", ") + std::string(a.id);
            diags.push_back({id_or_path, 0, 0, Level::error, "unknown arch id (known: " + known + ")"});
            return std::nullopt;
        }
        std::string data_dir = dir.empty() ? default_arch_data_dir() : dir;
        if (data_dir.empty()) {
            diags.push_back({id_or_path, 0, 0, Level::error,
                             "no arch-data directory found; set MANAUDIT_ARCH_DATA or pass --arch-data DIR"});
            return std::nullopt;
        }
        return read_arch_file((fs::path(data_dir) / (id_or_path + ".xml")).string(), diags);
    }
    return read_arch_file(id_or_path, diags);
}

}  // namespace manaudit::archdata
