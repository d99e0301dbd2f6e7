// Test support for the integration tests on whole trees: running commands,
// reading series directories, linting pages with groff and mandoc.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace tree_support {

namespace fs = std::filesystem;

struct Output {
    int status = -1;
    std::string text;  ///< stdout and stderr together
};

inline Output capture(const std::string& command) {
    Output out;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen((command + " 2>&1").c_str(), "r"), pclose);
    if (!pipe) return out;
    char buf[4096];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, pipe.get())) > 0) out.text.append(buf, n);
    int status = pclose(pipe.release());
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

inline std::string quote(const fs::path& p) { return "'" + p.string() + "'"; }

inline std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The lint messages for one page, without file names and line numbers (which
/// an insertion shifts), counted.
inline std::map<std::string, int> lint_messages(const fs::path& tree, const std::string& page) {
    std::map<std::string, int> counts;
    std::string file = quote(tree / page);
    Output groff = capture("cd " + quote(tree) + " && groff -t -man -ww -z " + file);
    Output mandoc = capture("cd " + quote(tree) + " && mandoc -Tlint " + file);
    static const std::regex location(R"(^.*?:\d+(:\d+)?: )");
    for (const Output* o : {&groff, &mandoc})
        for (const auto& line : lines_of(o->text)) {
            std::string message = std::regex_replace(line, location, "");
            if (!message.empty()) ++counts[message];
        }
    return counts;
}

/// The patch files of a series, without the cover letter, in order.
inline std::vector<fs::path> patch_files(const fs::path& series_dir) {
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(series_dir))
        if (entry.path().filename().string().rfind("0000-", 0) != 0) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

/// The page each patch changes ("diff --git a/X b/X"), by patch file.
inline std::map<fs::path, std::string> changed_page_by_patch(const fs::path& series_dir) {
    std::map<fs::path, std::string> out;
    static const std::regex header(R"(^diff --git a/(\S+) b/\S+$)");
    for (const auto& patch : patch_files(series_dir))
        for (const auto& line : lines_of(read_bytes(patch))) {
            std::smatch m;
            if (std::regex_match(line, m, header)) out[patch] = m[1];
        }
    return out;
}

/// The lines a patch adds ("+..." in its hunks, not the "+++" header).
inline std::vector<std::string> added_lines(const fs::path& patch) {
    std::vector<std::string> out;
    bool in_diff = false;
    for (const auto& line : lines_of(read_bytes(patch))) {
        if (line.rfind("diff --git ", 0) == 0) in_diff = true;
        if (!in_diff || line.rfind("+++", 0) == 0) continue;
        if (line == "-- ") break;
        if (!line.empty() && line[0] == '+') out.push_back(line.substr(1));
    }
    return out;
}

/// A scratch directory removed when the test program ends.
struct ScratchRoot {
    fs::path path;
    explicit ScratchRoot(const std::string& name)
        : path(fs::temp_directory_path() / ("manaudit-" + name + "-" + std::to_string(getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~ScratchRoot() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

}  // namespace tree_support
