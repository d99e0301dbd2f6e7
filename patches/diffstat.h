// The diffstat git format-patch puts between `---` and the diff.
#pragma once

#include <string>
#include <vector>

namespace manaudit::patches {

struct FileStat {
    std::string path;
    int insertions = 0;
    int deletions = 0;
};

/// " man2/readdir.2 | 5 ++++-\n 1 file changed, 4 insertions(+), 1 deletion(-)\n",
/// fitted into `width` columns the way git fits it.
std::string render_diffstat(const std::vector<FileStat>& files, int width = 72);

}  // namespace manaudit::patches
