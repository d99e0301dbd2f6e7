// Folding aliases (symlinks, .so redirects) into the pages they resolve to.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "manpages/corpus_tree.h"

namespace manaudit::manpages::detail {

namespace {

/// Alias chains longer than this are refused, as man(1) and mandoc refuse deep .so nesting.
constexpr std::size_t max_alias_depth = 32;

class Resolver {
public:
    Resolver(PageTree& tree, Corpus& out) : tree_(tree), out_(out) {
        for (auto& path : tree_.selected_paths()) selected_.insert(path);
    }

    void run() {
        for (const auto& path : selected_) resolve(path);
        for (auto& [path, page] : pages_) {
            // Read under the tree's real layout, named as upstream names it.
            page.path = upstream_page_path(page.path);
            for (auto& alias : page.aliases) alias = upstream_page_path(alias);
            std::sort(page.aliases.begin(), page.aliases.end());
            page.aliases.erase(std::unique(page.aliases.begin(), page.aliases.end()), page.aliases.end());
            out_.pages.push_back(std::move(page));
        }
    }

private:
    const TreeEntry& entry(const std::string& path) {
        auto it = entries_.find(path);
        if (it == entries_.end()) it = entries_.emplace(path, tree_.load(path)).first;
        return it->second;
    }

    /// Reports one problem once, however many aliases lead to it.
    void report(const std::string& key, Diagnostic diagnostic) {
        if (!reported_.insert(key).second) return;
        out_.diagnostics.push_back(std::move(diagnostic));
        ++out_.unreadable;
    }

    /// Where an alias entry points, relative to the root; empty when it is a real page.
    struct Step {
        std::string target;
        int line = 0;  ///< line of the .so request, 0 for a symlink
        bool is_so = false;
    };
    std::optional<Step> step_of(const std::string& path, const TreeEntry& e) {
        if (e.kind == TreeEntry::Kind::link) return Step{e.link_target, 0, false};
        auto so = find_so_redirect(e.source);
        if (!so) return std::nullopt;
        Step step{"", so->line, true};
        if (auto target = normalize_relative(join_path(man_root_of(path), strip_gz(so->target)))) {
            step.target = *target;
            // Pages outside a man/manN layout sometimes name a sibling file only.
            if (entry(step.target).kind == TreeEntry::Kind::missing) {
                auto sibling =
                    normalize_relative(join_path(dir_of(path), strip_gz(so->target.substr(so->target.rfind('/') + 1))));
                if (sibling && entry(*sibling).kind != TreeEntry::Kind::missing) step.target = *sibling;
            }
            if (entry(step.target).kind == TreeEntry::Kind::missing) {
                if (auto only = same_name_other_suffix(step.target)) {
                    out_.diagnostics.push_back(Diagnostic{
                        e.origin, so->line, 0, Severity::warning,
                        fmt::format(".so target {} not found; using {}, the only page of that name in section {}",
                                    so->target, *only, page_section(step.target).substr(0, 1))});
                    step.target = *only;
                }
            }
        } else {
            step.target = so->target;  // climbs out of the tree: reported below
        }
        return step;
    }

    /// A page named like the missing `target` but with another suffix of the
    /// same section ("man2const/X.2const" missing, "man2/X.2" present), when
    /// exactly one exists: a release that renamed a page and not its aliases.
    std::optional<std::string> same_name_other_suffix(const std::string& target) {
        std::string section = page_section(target);
        if (section.empty()) return std::nullopt;
        std::string file = target.substr(target.rfind('/') == std::string::npos ? 0 : target.rfind('/') + 1);
        std::string stem = file.substr(0, file.size() - section.size() - 1);
        std::string man_root = man_root_of(target);
        std::set<std::string> found;
        for (const char* suffix : {"", "const", "type", "head"}) {
            std::string other = section.substr(0, 1) + suffix;
            if (other == section) continue;
            std::string other_file = stem;
            other_file.append(".").append(other);
            for (const std::string& folder : {"man" + other, "man" + section, "man" + section.substr(0, 1)}) {
                std::string candidate = join_path(join_path(man_root, folder), other_file);
                if (entry(candidate).kind != TreeEntry::Kind::missing) found.insert(candidate);
            }
        }
        if (found.size() != 1) return std::nullopt;
        return *found.begin();
    }

    void resolve(const std::string& start) {
        std::vector<std::string> chain{start};
        for (;;) {
            const std::string current = chain.back();
            const TreeEntry& e = entry(current);
            if (e.kind == TreeEntry::Kind::unreadable) {
                report(current, e.problem);
                return;
            }
            if (e.kind == TreeEntry::Kind::missing) {
                // Only a chain's later steps can be missing: the first was listed from the tree.
                report(current, Diagnostic{current, 0, 0, Severity::error, "page not found"});
                return;
            }
            auto step = step_of(current, e);
            if (!step) {
                add_page(current, e, chain);
                return;
            }
            const char* what = step->is_so ? ".so" : "symlink";
            if (!normalize_relative(step->target)) {
                report(current, Diagnostic{e.origin, step->line, 0, Severity::error,
                                           fmt::format("{} target {} is outside the tree", what, step->target)});
                return;
            }
            if (entry(step->target).kind == TreeEntry::Kind::missing) {
                report(current, Diagnostic{e.origin, step->line, 0, Severity::error,
                                           fmt::format("{} target {} not found", what, step->target)});
                return;
            }
            if (auto loop = std::find(chain.begin(), chain.end(), step->target); loop != chain.end()) {
                std::vector<std::string> cycle(loop, chain.end());
                std::string text = fmt::format("{} -> {}", fmt::join(cycle, " -> "), step->target);
                std::sort(cycle.begin(), cycle.end());
                report("loop:" + fmt::format("{}", fmt::join(cycle, "|")),
                       Diagnostic{e.origin, step->line, 0, Severity::error, "alias loop: " + text});
                return;
            }
            if (chain.size() > max_alias_depth) {
                report(start, Diagnostic{entry(start).origin, 0, 0, Severity::error,
                                         fmt::format("more than {} levels of aliases", max_alias_depth)});
                return;
            }
            chain.push_back(step->target);
        }
    }

    void add_page(const std::string& path, const TreeEntry& e, const std::vector<std::string>& chain) {
        auto [it, added] = pages_.try_emplace(path);
        PageFile& page = it->second;
        if (added) {
            page.path = path;
            page.origin = e.origin;
            page.source = e.source;
            page.reached_by_alias = !selected_.contains(path);
        }
        page.aliases.insert(page.aliases.end(), chain.begin(), chain.end() - 1);
    }

    PageTree& tree_;
    Corpus& out_;
    std::set<std::string> selected_;
    std::map<std::string, TreeEntry> entries_;
    std::set<std::string> reported_;
    std::map<std::string, PageFile> pages_;
};

}  // namespace

void resolve_tree(PageTree& tree, Corpus& out) { Resolver(tree, out).run(); }

}  // namespace manaudit::manpages::detail
