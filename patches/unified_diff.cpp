// Myers line diff and unified hunks in the form git apply, patch and git am read.
#include "patches/unified_diff.h"

#include <algorithm>
#include <cstddef>
#include <unordered_map>

#include "patches/sha1.h"
#include "patches/text_lines.h"

namespace manaudit::patches {

namespace {

// Lines become small integers so the search compares ints, not strings.
std::vector<int> intern(const std::vector<std::string>& lines,
                        std::unordered_map<std::string, int>& ids) {
    std::vector<int> out;
    out.reserve(lines.size());
    for (const auto& l : lines) out.push_back(ids.emplace(l, int(ids.size())).first->second);
    return out;
}

}  // namespace

std::vector<DiffOp> diff_lines(const std::vector<std::string>& old_lines,
                               const std::vector<std::string>& new_lines) {
    std::unordered_map<std::string, int> ids;
    const std::vector<int> a = intern(old_lines, ids);
    const std::vector<int> b = intern(new_lines, ids);
    const int n = int(a.size());
    const int m = int(b.size());
    const int max = n + m;
    const int offset = max + 1;
    std::vector<int> v(2 * max + 3, 0);
    std::vector<std::vector<int>> trace;

    int final_d = 0;
    bool done = n == 0 && m == 0;
    for (int d = 0; d <= max && !done; ++d) {
        trace.push_back(v);
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
            int y = x - k;
            while (x < n && y < m && a[x] == b[y]) {
                ++x;
                ++y;
            }
            v[offset + k] = x;
            if (x >= n && y >= m) {
                final_d = d;
                done = true;
                break;
            }
        }
    }

    // Walk the trace backwards from (n, m), collecting the script in reverse.
    std::vector<DiffOp> ops;
    int x = n;
    int y = m;
    for (int d = final_d; d > 0; --d) {
        const std::vector<int>& pv = trace[d];
        int k = x - y;
        int prev_k = (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1])) ? k + 1 : k - 1;
        int prev_x = pv[offset + prev_k];
        int prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            --x;
            --y;
            ops.push_back({DiffOp::Kind::equal, x, y});
        }
        if (x == prev_x)
            ops.push_back({DiffOp::Kind::insert, x, --y});
        else
            ops.push_back({DiffOp::Kind::remove, --x, y});
    }
    while (x > 0 && y > 0) {
        --x;
        --y;
        ops.push_back({DiffOp::Kind::equal, x, y});
    }
    std::reverse(ops.begin(), ops.end());
    return ops;
}

namespace {

std::string range_text(int start, int count) {
    // Unified format: an empty range names the line before it; a count of 1 is implied.
    if (count == 0) return std::to_string(start - 1) + ",0";
    if (count == 1) return std::to_string(start);
    return std::to_string(start) + "," + std::to_string(count);
}

void add_line(std::string& out, char prefix, const std::string& line) {
    out += prefix;
    out += line;
    if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

FileDiff unified_diff(const std::string& path, const std::string& old_text,
                      const std::string& new_text, int context) {
    FileDiff result;
    if (old_text == new_text) return result;
    const std::vector<std::string> old_lines = split_lines(old_text);
    const std::vector<std::string> new_lines = split_lines(new_text);
    const std::vector<DiffOp> ops = diff_lines(old_lines, new_lines);

    // Runs of changed ops; two runs with at most 2*context equal lines between
    // them share one hunk, as in diff and git.
    std::vector<std::pair<std::size_t, std::size_t>> hunks;  // [first op, last op]
    for (std::size_t i = 0; i < ops.size(); ++i) {
        if (ops[i].kind == DiffOp::Kind::equal) continue;
        std::size_t run_first = i;
        while (i + 1 < ops.size() && ops[i + 1].kind != DiffOp::Kind::equal) ++i;
        std::size_t run_last = i;
        std::size_t ctx = std::size_t(context);
        std::size_t first = run_first >= ctx ? run_first - ctx : 0;
        std::size_t last = std::min(ops.size() - 1, run_last + ctx);
        if (!hunks.empty() && run_first <= hunks.back().second + ctx + 1)
            hunks.back().second = last;
        else
            hunks.emplace_back(first, last);
    }

    std::string& out = result.text;
    out += "diff --git a/" + path + " b/" + path + "\n";
    out += "index " + git_blob_id(old_text).substr(0, 12) + ".." + git_blob_id(new_text).substr(0, 12) +
           " 100644\n";
    out += "--- a/" + path + "\n";
    out += "+++ b/" + path + "\n";
    for (const auto& [first, last] : hunks) {
        int old_start = -1, new_start = -1, old_count = 0, new_count = 0;
        // Where the hunk begins in each file, even if it has no line of that file.
        for (std::size_t i = first; i <= last; ++i) {
            const DiffOp& op = ops[i];
            if (op.kind != DiffOp::Kind::insert) {
                if (old_start < 0) old_start = op.old_index + 1;
                ++old_count;
            }
            if (op.kind != DiffOp::Kind::remove) {
                if (new_start < 0) new_start = op.new_index + 1;
                ++new_count;
            }
        }
        if (old_start < 0) old_start = ops[first].old_index + 1;
        if (new_start < 0) new_start = ops[first].new_index + 1;
        out += "@@ -" + range_text(old_start, old_count) + " +" + range_text(new_start, new_count) + " @@\n";
        for (std::size_t i = first; i <= last; ++i) {
            const DiffOp& op = ops[i];
            switch (op.kind) {
                case DiffOp::Kind::equal: add_line(out, ' ', old_lines[op.old_index]); break;
                case DiffOp::Kind::remove:
                    add_line(out, '-', old_lines[op.old_index]);
                    ++result.deletions;
                    break;
                case DiffOp::Kind::insert:
                    add_line(out, '+', new_lines[op.new_index]);
                    ++result.insertions;
                    break;
            }
        }
    }
    return result;
}

}  // namespace manaudit::patches
