// Edit planning: findings on one page -> line insertions and replacements ->
// the page's new bytes. Every line not named by an edit is copied unchanged.
#include "patches/edit_plan.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "patches/roff_layout.h"
#include "patches/roff_text.h"
#include "patches/text_lines.h"

namespace manaudit::patches {

using audit::Finding;
using audit::ProposedEdit;

std::optional<Mode> parse_mode(const std::string& name) {
    if (name == "flag") return Mode::flag;
    if (name == "fix") return Mode::fix;
    return std::nullopt;
}

const char* mode_name(Mode mode) { return mode == Mode::flag ? "flag" : "fix"; }

bool is_safe_relative_path(const std::string& path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        std::size_t end = slash == std::string::npos ? path.size() : slash;
        std::string part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    return path.find('\0') == std::string::npos && path.find('\n') == std::string::npos;
}

namespace {

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s) out += char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string line_ending_of(const std::string& line) {
    if (line.size() >= 2 && line.compare(line.size() - 2, 2, "\r\n") == 0) return "\r\n";
    if (!line.empty() && line.back() == '\n') return "\n";
    return "";
}

std::vector<std::string> split_on_tabs(std::string_view s) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = s.find('\t', start);
        cells.emplace_back(s.substr(start, tab == std::string_view::npos ? s.npos : tab - start));
        if (tab == std::string_view::npos) break;
        start = tab + 1;
    }
    return cells;
}

// Short notes stay in the row, as in "ARC only"; longer ones get a T{ block.
constexpr std::size_t kInlineNoteLimit = 30;

/// Where a fix-mode note goes.
struct NotePlace {
    int before_line = 0;        ///< 1-based; lines.size()+1 for the end of the page
    bool new_section = false;   ///< the section does not exist: create it here
    std::string section_title;  ///< for a new section
    bool needs_paragraph = false;  ///< text precedes: start a paragraph with .PP
};

struct NoteGroup {
    NotePlace place;
    std::vector<std::string> texts;  ///< new_text of each finding, deduplicated
};

class Planner {
public:
    Planner(const manpages::Page& page, Mode mode, Diagnostics& diags)
        : page_(page), layout_(page.layout), mode_(mode), diags_(diags), lines_(split_lines(page.source)),
          headings_(page.layout.headings) {}

    bool add(const Finding& f, int index, std::vector<int>& flagged_instead) {
        const ProposedEdit& e = f.edit;
        int line = e.line > 0 ? e.line : f.line;
        if (line < 1 || line > line_count()) {
            error(line, "finding [" + f.check_id + "] names line " + std::to_string(line) +
                            ", but the page has " + std::to_string(line_count()) + " lines");
            return false;
        }
        if (mode_ == Mode::flag) return add_flag(f, line);
        switch (e.kind) {
            case ProposedEdit::Kind::rewrite_sentence: return add_rewrite(f, line);
            case ProposedEdit::Kind::table_note: return add_table_note(f, line);
            case ProposedEdit::Kind::add_note:
                if (!e.new_text.empty()) return add_note(f);
                break;
            case ProposedEdit::Kind::none: break;
        }
        flagged_instead.push_back(index);
        return add_flag(f, line);
    }

    std::string assemble() {
        for (auto& [line, group] : notes_) {
            auto& out = before_[line];
            if (group.place.new_section) out.push_back(heading_line("SH", group.place.section_title));
            if (group.place.needs_paragraph) out.push_back(paragraph_macro());
            for (const auto& t : group.texts)
                for (auto& l : text_to_lines(t)) out.push_back(l);
        }
        const std::string eol = dominant_line_ending(lines_);
        std::vector<std::string> out;
        bool nofill = false;  // in .nf/.EX a line break shows, so new lines stay as given
        auto emit_new = [&](const std::vector<std::string>& bodies, const std::string& ending) {
            for (const auto& b : bodies) {
                if (nofill) {
                    out.push_back(b + ending);
                    continue;
                }
                for (const auto& piece : wrap_text_line(b)) out.push_back(piece + ending);
            }
        };
        for (int l = 1; l <= line_count(); ++l) {
            if (auto it = before_.find(l); it != before_.end()) emit_new(it->second, eol);
            if (auto it = replace_.find(l); it != replace_.end()) {
                std::string ending = line_ending_of(lines_[l - 1]);
                emit_new(it->second, ending.empty() ? eol : ending);
            } else {
                out.push_back(lines_[l - 1]);
            }
            std::string_view macro = layout_.macro(l);
            if (macro == "nf" || macro == "EX") nofill = true;
            if (macro == "fi" || macro == "EE") nofill = false;
        }
        if (auto it = before_.find(line_count() + 1); it != before_.end()) emit_new(it->second, eol);

        // Every line but the last ends as before; the page's last byte stays what it was.
        for (std::size_t i = 0; i + 1 < out.size(); ++i)
            if (line_ending_of(out[i]).empty()) out[i] += eol;
        bool ended_with_newline = !page_.source.empty() && page_.source.back() == '\n';
        if (!out.empty() && !ended_with_newline) {
            std::string& last = out.back();
            last.erase(last.size() - line_ending_of(last).size());
        }
        return join_lines(out);
    }

    /// Why the last add() failed, for the caller's warning.
    const std::string& problem() const { return problem_; }

    /// Places `f` as a FIXME comment: what a fix falls back to.
    bool add_flag_only(const Finding& f) {
        int line = f.edit.line > 0 ? f.edit.line : f.line;
        if (line < 1 || line > line_count()) return false;
        return add_flag(f, line);
    }

private:
    int line_count() const { return int(lines_.size()); }

    /// The paragraph macro the page itself uses: `.P` in pages since
    /// man-pages 6.5, `.PP` before. A page using neither takes its
    /// generation's: `.P` when it has a HISTORY section.
    std::string paragraph_macro() const {
        int p = 0, pp = 0;
        for (int l = 1; l <= line_count(); ++l) {
            std::string_view macro = layout_.macro(l);
            if (macro == "P") ++p;
            else if (macro == "PP" || macro == "LP") ++pp;
        }
        if (p != pp) return p > pp ? ".P" : ".PP";
        return newer_generation() ? ".P" : ".PP";
    }

    /// A page of the man-pages 6.x layout: HISTORY and terse STANDARDS.
    bool newer_generation() const {
        for (const auto& h : headings_)
            if (!h.subsection && lower(h.title) == "history") return true;
        return false;
    }

    /// A page of the 5.x layout: CONFORMING TO instead of STANDARDS.
    bool older_generation() const {
        for (const auto& h : headings_)
            if (!h.subsection && lower(h.title) == "conforming to") return true;
        return false;
    }
    std::string_view body(int line) const { return line_body(lines_[line - 1]); }

    /// Records why a finding cannot be placed; plan_page decides what follows.
    void error(int line, const std::string& message) { problem_ = "line " + std::to_string(line) + ": " + message; }
    void note(int line, const std::string& message) {
        diags_.push_back({page_.path, line, 0, Severity::note, message});
    }

    /// The current lines standing for original line `line` (replaced or not).
    std::vector<std::string> current(int line) const {
        if (auto it = replace_.find(line); it != replace_.end()) return it->second;
        return {std::string(body(line))};
    }

    /// For a system call the syscalls(2) table lacks: the line of the row it
    /// would come before, so the FIXME sits where the row belongs. 0 if none.
    int table_position(const Finding& f) const {
        const auto& rows = page_.syscalls_table;
        if (rows.empty() || f.subject.empty()) return 0;
        for (const auto& row : rows)
            if (row.name == f.subject) return 0;
        for (const auto& row : rows)
            if (row.name > f.subject) return row.line;
        // After the last row: before the table's end.
        for (int l = rows.back().line + 1; l <= line_count(); ++l)
            if (layout_.macro(l) == "TE") return l;
        return 0;
    }

    bool add_flag(const Finding& f, int line) {
        if (int row_line = table_position(f)) line = row_line;
        // Keep the comment out of a macro's hold on its next line, and out of
        // an escaped newline's continuation.
        int at = line;
        while (at > 1 && (layout_.at(at - 1).binds_next || layout_.kind(at) == manpages::LineKind::continuation))
            --at;
        std::string text = f.edit.flag_text.empty() ? f.message : f.edit.flag_text;
        if (!flagged_.insert({at, text}).second) return true;
        for (auto& l : fixme_comment(text)) before_[at].push_back(l);
        return true;
    }

    bool add_rewrite(const Finding& f, int line) {
        const ProposedEdit& e = f.edit;
        int span = int(std::count(e.old_text.begin(), e.old_text.end(), '\n'));
        if (e.old_text.empty() || line + span > line_count()) {
            error(line, "finding [" + f.check_id + "] has no text to rewrite on line " + std::to_string(line));
            return false;
        }
        std::string original;
        std::string now;
        for (int l = line; l <= line + span; ++l) {
            if (l > line) {
                original += '\n';
                now += '\n';
            }
            original += body(l);
            auto cur = current(l);
            for (std::size_t i = 0; i < cur.size(); ++i) now += (i ? "\n" : "") + cur[i];
        }
        if (original.find(e.old_text) == std::string::npos) {
            error(line, "line " + std::to_string(line) + " no longer matches the finding [" + f.check_id +
                            "]: expected \"" + e.old_text + "\"");
            return false;
        }
        if (!rewrites_.insert({line, e.old_text + '\0' + e.new_text}).second) return true;
        std::size_t at = now.find(e.old_text);
        if (at == std::string::npos) {
            note(line, "rewrite for [" + f.check_id + "] overlaps an earlier one on this line; left out");
            return true;
        }
        now.replace(at, e.old_text.size(), e.new_text);
        replace_[line] = text_to_lines(now);
        for (int l = line + 1; l <= line + span; ++l) replace_[l] = {};
        return true;
    }

    bool add_table_note(const Finding& f, int line) {
        const ProposedEdit& e = f.edit;
        bool is_row = false;
        for (const auto& row : page_.syscalls_table) is_row = is_row || row.line == line;
        std::vector<std::string> cells = split_on_tabs(body(line));
        if ((!page_.syscalls_table.empty() && !is_row) || cells.size() < 2) {
            error(line, "line " + std::to_string(line) + " no longer matches the finding [" + f.check_id +
                            "]: it is not a row of the system call table");
            return false;
        }
        // The row's own lines: the row line, plus a T{ ... T} notes block.
        int last = line;
        if (cells.size() >= 3 && cells[2] == "T{") {
            while (last < line_count() && line_body(lines_[last]).rfind("T}", 0) != 0) ++last;
            ++last;
            if (last > line_count()) {
                error(line, "the table row's T{ block has no closing T}");
                return false;
            }
        }
        std::vector<std::string> note = text_to_lines(e.new_text);
        std::string head = cells[0] + "\t" + cells[1];
        std::vector<std::string> row;
        if (note.empty()) {
            row.push_back(head);
        } else if (note.size() == 1 && note[0].size() <= kInlineNoteLimit && note[0].find('\t') == std::string::npos) {
            row.push_back(head + "\t" + note[0]);
        } else {
            row.push_back(head + "\tT{");
            row.insert(row.end(), note.begin(), note.end());
            row.push_back("T}");
        }
        replace_[line] = row;
        for (int l = line + 1; l <= last; ++l) replace_[l] = {};
        return true;
    }

    bool has_text_between(int first, int last) const {
        using manpages::LineKind;
        for (int l = first; l <= last; ++l) {
            LineKind kind = layout_.kind(l);
            if (kind != LineKind::comment && kind != LineKind::blank && kind != LineKind::empty_request) return true;
        }
        return false;
    }

    NotePlace place_note(const ProposedEdit& e) const {
        std::string section = e.section.empty() ? "NOTES" : e.section;
        std::string wanted = lower(section);
        bool architecture_material = wanted == "notes" || wanted == "versions";
        // Since man-pages 6.5 VERSIONS holds what differs between systems and
        // architectures (history moved to HISTORY); a newer page without NOTES
        // takes architecture notes there.
        if (wanted == "notes" && newer_generation() && !has_section("notes")) {
            section = "VERSIONS";
            wanted = "versions";
        }
        auto next_heading = [&](std::size_t from, bool stop_at_subsection) {
            for (std::size_t i = from + 1; i < headings_.size(); ++i)
                if (!headings_[i].subsection || stop_at_subsection) return headings_[i].line;
            return line_count() + 1;
        };
        NotePlace place;
        // The subsection the finding names, wherever the page keeps it ("C
        // library/kernel differences" under NOTES or VERSIONS): the note
        // joins what the page already says of the kernel interface.
        if (!e.subsection.empty()) {
            for (std::size_t i = 0; i < headings_.size(); ++i) {
                if (!headings_[i].subsection || lower(headings_[i].title) != lower(e.subsection)) continue;
                place.before_line = before_trailing_comments(headings_[i].line, next_heading(i, true));
                place.needs_paragraph = has_text_between(headings_[i].line + 1, place.before_line - 1);
                return place;
            }
        }
        // The page's own subsection for architecture material comes first.
        if (architecture_material) {
            for (std::size_t i = 0; i < headings_.size(); ++i) {
                if (!headings_[i].subsection || lower(headings_[i].title).rfind("architecture-specific", 0) != 0)
                    continue;
                place.before_line = before_trailing_comments(headings_[i].line, next_heading(i, true));
                place.needs_paragraph = has_text_between(headings_[i].line + 1, place.before_line - 1);
                return place;
            }
        }
        for (std::size_t i = 0; i < headings_.size(); ++i) {
            if (headings_[i].subsection || lower(headings_[i].title) != wanted) continue;
            // Before the first subsection, so the note is not read as part of it.
            place.before_line = before_trailing_comments(headings_[i].line, next_heading(i, true));
            place.needs_paragraph = has_text_between(headings_[i].line + 1, place.before_line - 1);
            return place;
        }
        const SectionOrder order = older_generation() ? SectionOrder::before_6 : SectionOrder::since_6;
        int rank = conventional_rank(section, order);
        if (rank < 0) rank = conventional_rank("NOTES", order);
        place.new_section = true;
        place.section_title = section;
        place.before_line = line_count() + 1;
        for (const auto& h : headings_) {
            if (!h.subsection && conventional_rank(h.title, order) > rank) {
                place.before_line = h.line;
                break;
            }
        }
        return place;
    }

    /// A comment line with nothing in it: `.\"`, which pages put before a
    /// heading to set it apart.
    bool is_lone_separator(int line) const {
        if (layout_.kind(line) != manpages::LineKind::comment) return false;
        const manpages::SourceComment* comment = layout_.comment_on(line);
        return comment && comment->text.find_first_not_of(" \t") == std::string::npos;
    }

    /// `end` moved up over the lone `.\"` separators that set the next
    /// heading apart, so a note joins the text it belongs to (a comment with
    /// words stays with its paragraph).
    int before_trailing_comments(int heading_line, int end) const {
        while (end - 1 > heading_line && is_lone_separator(end - 1)) --end;
        return end;
    }

    bool has_section(std::string_view lower_title) const {
        for (const auto& h : headings_)
            if (!h.subsection && lower(h.title) == lower_title) return true;
        return false;
    }

    bool add_note(const Finding& f) {
        NotePlace place = place_note(f.edit);
        auto [it, inserted] = notes_.try_emplace(place.before_line, NoteGroup{place, {}});
        auto& texts = it->second.texts;
        if (std::find(texts.begin(), texts.end(), f.edit.new_text) == texts.end())
            texts.push_back(f.edit.new_text);
        return true;
    }

    const manpages::Page& page_;
    const manpages::SourceLayout& layout_;
    Mode mode_;
    Diagnostics& diags_;
    std::vector<std::string> lines_;
    const std::vector<manpages::SourceHeading>& headings_;
    std::map<int, std::vector<std::string>> before_;   ///< lines to insert before a line
    std::map<int, std::vector<std::string>> replace_;  ///< a line's replacement (empty: removed)
    std::map<int, NoteGroup> notes_;                   ///< by insertion line
    std::set<std::pair<int, std::string>> flagged_;
    std::set<std::pair<int, std::string>> rewrites_;
    std::string problem_;
};

std::string capitalize(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    if (!s.empty()) s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    return s;
}

std::string subject_list(const std::vector<Finding>& findings) {
    std::vector<std::string> subjects;
    for (const auto& f : findings)
        if (!f.subject.empty() && std::find(subjects.begin(), subjects.end(), f.subject) == subjects.end())
            subjects.push_back(f.subject);
    if (subjects.empty()) return "";
    if (subjects.size() == 1) return subjects[0];
    if (subjects.size() == 2) return subjects[0] + " and " + subjects[1];
    return subjects[0] + ", " + subjects[1] + " and " + std::to_string(subjects.size() - 2) + " more";
}

std::string plan_summary(const std::vector<Finding>& findings, Mode mode) {
    std::string subjects = subject_list(findings);
    if (mode == Mode::flag)
        return subjects.empty() ? "Flag architecture-specific statements"
                                : "Flag architecture-specific statements about " + subjects;
    std::set<std::string> summaries;
    for (const auto& f : findings) summaries.insert(f.edit.summary);
    if (summaries.size() == 1 && !summaries.begin()->empty()) return capitalize(*summaries.begin());
    return subjects.empty() ? "Document architecture differences"
                            : "Document architecture differences for " + subjects;
}

}  // namespace

std::optional<PagePlan> plan_page(const manpages::Page& page, const std::vector<Finding>& findings, Mode mode,
                                  Diagnostics& diags) {
    if (!is_safe_relative_path(page.path)) {
        diags.push_back({page.path, 0, 0, Severity::error,
                         "page path is not a plain relative path inside the tree; refusing to patch it"});
        return std::nullopt;
    }
    const auto& source = page.source;
    const auto source_lines = std::count(source.begin(), source.end(), '\n') + (!source.empty() && source.back() != '\n');
    if (page.layout.line_count() != source_lines) {
        diags.push_back({page.path, 0, 0, Severity::error,
                         "the page's layout does not match its source (not read by the page builder?); "
                         "refusing to patch it"});
        return std::nullopt;
    }
    PagePlan plan;
    plan.path = page.path;
    plan.original = page.source;
    plan.mode = mode;
    Planner planner(page, mode, diags);
    for (const auto& f : findings) {
        int index = int(plan.findings.size());
        if (planner.add(f, index, plan.flagged_instead)) {
            plan.findings.push_back(f);
            continue;
        }
        // One finding that cannot be placed never costs the others: a fix
        // falls back to a FIXME comment for it, and what cannot even be
        // flagged is left out, each with a warning naming it.
        std::string subject = f.subject.empty() ? std::string() : " (" + f.subject + ")";
        if (mode == Mode::fix && planner.add_flag_only(f)) {
            diags.push_back({page.path, f.line, 0, Severity::warning,
                             "finding [" + f.check_id + "]" + subject + " cannot be written as text (" +
                                 planner.problem() + "); flagged with a FIXME comment instead"});
            plan.flagged_instead.push_back(index);
            plan.findings.push_back(f);
            continue;
        }
        diags.push_back({page.path, f.line, 0, Severity::warning,
                         "finding [" + f.check_id + "]" + subject + " cannot be placed (" + planner.problem() +
                             "); left out of the patch"});
    }
    plan.patched = planner.assemble();
    if (plan.patched == plan.original) return std::nullopt;
    // A fix-mode change that could only add comments is a flag-mode change.
    bool only_comments = plan.flagged_instead.size() == plan.findings.size();
    if (only_comments) {
        plan.summary = plan_summary(plan.findings, Mode::flag);
    } else {
        // The subject names what the patch writes; findings only flagged are told in the body.
        std::vector<Finding> written;
        for (int i = 0; i < int(plan.findings.size()); ++i)
            if (std::find(plan.flagged_instead.begin(), plan.flagged_instead.end(), i) == plan.flagged_instead.end())
                written.push_back(plan.findings[std::size_t(i)]);
        plan.summary = plan_summary(written, mode);
    }
    return plan;
}

}  // namespace manaudit::patches
