// Reading the page-prefix style of a tree's commit subjects.
#include "patches/subject_style.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>


namespace manaudit::patches {

namespace {

std::string quote_for_shell(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

/// "open.2" and "PR_SET_NAME.2const": a page's file name.
bool is_page_file_name(const std::string& name) {
    auto dot = name.rfind('.');
    if (dot == std::string::npos || dot == 0 || dot + 1 >= name.size()) return false;
    if (name[dot + 1] < '1' || name[dot + 1] > '9') return false;
    for (std::size_t i = dot + 2; i < name.size(); ++i)
        if (name[i] < 'a' || name[i] > 'z') return false;
    return true;
}

}  // namespace

SubjectStyle subject_style_of(const std::vector<std::string>& subjects) {
    std::map<SubjectStyle, int> votes;
    for (const auto& subject : subjects) {
        auto colon = subject.find(": ");
        if (colon == std::string::npos) continue;
        // "man/man2/open.2, man/man2/openat.2: ..." votes by its first page.
        std::string prefix = subject.substr(0, std::min(colon, subject.find(", ")));
        std::string file = prefix.substr(prefix.rfind('/') == std::string::npos ? 0 : prefix.rfind('/') + 1);
        if (!is_page_file_name(file)) continue;
        if (prefix == file) ++votes[SubjectStyle::file_name];
        else if (prefix.starts_with("man/")) ++votes[SubjectStyle::tree_path];
        else if (prefix.starts_with("man")) ++votes[SubjectStyle::section_path];
    }
    SubjectStyle best = SubjectStyle::tree_path;
    int most = 0;
    for (auto [style, count] : votes)
        if (count > most) {
            best = style;
            most = count;
        }
    return best;
}

SubjectStyle subject_style_of_tree(const std::string& tree_root) {
    if (tree_root.empty()) return SubjectStyle::tree_path;
    std::string command = "git -C " + quote_for_shell(tree_root) + " log -n 300 --format=%s 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return SubjectStyle::tree_path;
    std::vector<std::string> subjects;
    std::string line;
    char buf[512];
    while (std::fgets(buf, sizeof buf, pipe.get())) {
        line += buf;
        if (line.empty() || line.back() != '\n') continue;
        line.pop_back();
        subjects.push_back(std::move(line));
        line.clear();
    }
    return subject_style_of(subjects);
}

std::string subject_prefix(const std::string& path, SubjectStyle style) {
    auto last = path.rfind('/');
    switch (style) {
        case SubjectStyle::tree_path:
            return path;
        case SubjectStyle::file_name:
            return last == std::string::npos ? path : path.substr(last + 1);
        case SubjectStyle::section_path: {
            if (last == std::string::npos) return path;
            auto folder = path.rfind('/', last - 1);
            return folder == std::string::npos ? path : path.substr(folder + 1);
        }
    }
    return path;
}

}  // namespace manaudit::patches
