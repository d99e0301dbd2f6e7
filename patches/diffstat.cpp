// Diffstat rendering: name column, count column, +/- graph scaled to fit.
#include "patches/diffstat.h"

#include <algorithm>

namespace manaudit::patches {

std::string render_diffstat(const std::vector<FileStat>& files, int width) {
    std::size_t name_width = 0;
    int max_change = 0;
    int insertions = 0;
    int deletions = 0;
    for (const auto& f : files) {
        name_width = std::max(name_width, f.path.size());
        max_change = std::max(max_change, f.insertions + f.deletions);
        insertions += f.insertions;
        deletions += f.deletions;
    }
    int number_width = int(std::to_string(max_change).size());
    // " " name " | " number " " graph
    int graph_width = std::max(6, width - int(name_width) - number_width - 5);

    std::string out;
    for (const auto& f : files) {
        int total = f.insertions + f.deletions;
        int plus = f.insertions;
        int minus = f.deletions;
        if (max_change > graph_width) {
            // Scale like git: every nonzero side keeps at least one mark.
            auto scale = [&](int n) { return n == 0 ? 0 : std::max(1, n * graph_width / max_change); };
            int scaled_total = scale(total);
            plus = scale(f.insertions);
            minus = std::max(0, scaled_total - plus);
            if (f.deletions > 0 && minus == 0) minus = 1;
        }
        std::string count = std::to_string(total);
        out += " " + f.path + std::string(name_width - f.path.size(), ' ') + " | " +
               std::string(number_width - int(count.size()), ' ') + count;
        if (plus + minus > 0) out += " " + std::string(plus, '+') + std::string(minus, '-');
        out += "\n";
    }
    out += " " + std::to_string(files.size()) + (files.size() == 1 ? " file changed" : " files changed");
    if (insertions > 0 || deletions == 0)
        out += ", " + std::to_string(insertions) + (insertions == 1 ? " insertion(+)" : " insertions(+)");
    if (deletions > 0 || insertions == 0)
        out += ", " + std::to_string(deletions) + (deletions == 1 ? " deletion(-)" : " deletions(-)");
    out += "\n";
    return out;
}

}  // namespace manaudit::patches
