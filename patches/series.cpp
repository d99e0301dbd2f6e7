// Series building (mail bodies with evidence, cover letter) and atomic writing.
#include "patches/series.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <system_error>

#include "arch-data/store.h"
#include "patches/diffstat.h"
#include "patches/mbox.h"
#include "patches/unified_diff.h"

namespace manaudit::patches {

namespace fs = std::filesystem;
using archdata::Provenance;

namespace {

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string pad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string package_of(const Provenance* p) {
    if (!p || p->package.empty()) return "provenance unknown";
    return p->package + (p->package_version.empty() ? "" : " " + p->package_version);
}

/// "Linux 6.1.4", or "Linux 6.1.4 to 6.1.8" when the arches' headers differ
/// (Debian builds some cross packages from a later point release).
std::string kernel_of(const std::vector<archdata::ArchFacts>& facts) {
    // Numeric order, so that 6.1.10 sorts after 6.1.9.
    std::set<std::string, decltype(&archdata::version_less)> versions(&archdata::version_less);
    for (const auto& f : facts)
        if (!f.provenance.kernel_version.empty()) versions.insert(f.provenance.kernel_version);
    if (versions.empty()) return "Linux";
    if (versions.size() == 1) return "Linux " + *versions.begin();
    return "Linux " + *versions.begin() + " to " + *versions.rbegin();
}

/// What the facts were read from, and the kernel they describe:
/// "the syscall tables and UAPI headers of Linux 6.12.117 (facts as of Linux 6.12)".
std::string facts_source(const std::vector<archdata::ArchFacts>& facts) {
    bool from_source = !facts.empty() && !facts.front().provenance.kernel_source.empty();
    std::string what = from_source ? "the syscall tables and UAPI headers of " + kernel_of(facts)
                                   : "the " + kernel_of(facts) + " UAPI headers";
    if (facts.empty()) return what;
    return what + " (facts as of Linux " + archdata::kernel_series(facts.front().provenance.kernel_version) + ")";
}

/// One row per arch: the value or its absence, and the header it came from.
std::string evidence_table(const audit::Finding& f) {
    std::size_t arch_w = 0, value_w = 0;
    bool any_header = false;
    for (const auto& e : f.evidence) {
        arch_w = std::max(arch_w, e.arch.size());
        value_w = std::max(value_w, e.present ? std::max<std::size_t>(e.value.size(), 1) : 6);
        any_header = any_header || !e.header.empty();
    }
    std::string out;
    for (const auto& e : f.evidence) {
        std::string value = e.present ? (e.value.empty() ? "-" : e.value) : "absent";
        std::string row = "    " + pad(e.arch, arch_w) + "  ";
        row += any_header && !e.header.empty() ? pad(value, value_w) + "  " + e.header : value;
        out += row + "\n";
    }
    return out;
}

/// Past this many findings a patch body gives each one's evidence as two
/// wrapped lines (present with values, absent) instead of a row per arch, so
/// that a page with many findings (syscalls.2) still reads as a mail.
constexpr std::size_t kFullTablesUpTo = 4;

std::string wrapped_list(const std::string& label, const std::vector<std::string>& items) {
    const std::size_t width = 72;
    const std::string indent = "    " + std::string(label.size() + 1, ' ');
    std::string out = "    " + label;
    std::size_t column = out.size();
    for (std::size_t i = 0; i < items.size(); ++i) {
        std::string item = items[i] + (i + 1 < items.size() ? "," : "");
        if (column + 1 + item.size() > width && column > indent.size()) {
            out += "\n" + indent;
            column = indent.size();
        } else {
            out += ' ';
            ++column;
        }
        out += item;
        column += item.size();
    }
    return out + "\n";
}

/// The evidence of one finding in two lists: where it is (with the value and
/// header) and where it is not.
std::string evidence_lists(const audit::Finding& f) {
    std::vector<std::string> present, absent;
    for (const auto& e : f.evidence) {
        if (!e.present) {
            absent.push_back(e.arch);
            continue;
        }
        std::string item = e.arch;
        if (!e.value.empty()) item += " " + e.value;
        if (!e.header.empty()) item += " (" + e.header + ")";
        present.push_back(item);
    }
    std::string out;
    if (!present.empty()) out += wrapped_list("present:", present);
    if (!absent.empty()) out += wrapped_list("absent:", absent);
    return out;
}

/// The package and version each arch's headers came from, for the arches the
/// findings name, in the order they first appear.
std::string provenance_table(const std::vector<audit::Finding>& findings,
                             const std::map<std::string, const Provenance*>& prov) {
    std::vector<std::string> arches;
    for (const auto& f : findings)
        for (const auto& e : f.evidence)
            if (std::find(arches.begin(), arches.end(), e.arch) == arches.end()) arches.push_back(e.arch);
    std::size_t w = 0;
    for (const auto& a : arches) w = std::max(w, a.size());
    std::string out;
    for (const auto& a : arches) {
        auto it = prov.find(a);
        out += "    " + pad(a, w) + "  " + package_of(it == prov.end() ? nullptr : it->second) + "\n";
    }
    return out;
}

/// Findings of a plan marked with FIXME comments rather than given text.
int flagged_in(const PagePlan& plan) {
    return plan.mode == Mode::fix ? int(plan.flagged_instead.size()) : int(plan.findings.size());
}

std::string patch_body(const PagePlan& plan, const std::vector<archdata::ArchFacts>& facts,
                       const std::map<std::string, const Provenance*>& prov) {
    int flagged = flagged_in(plan);
    int documented = int(plan.findings.size()) - flagged;
    std::string intro = "manaudit compared this page with " + facts_source(facts) + ", for " +
                        plural(int(facts.size()), "architecture", "architectures") + ".";
    if (documented > 0)
        intro += " This patch documents " + plural(documented, "finding", "findings") +
                 " in the place man-pages keeps architecture-specific material.";
    if (flagged > 0)
        intro += std::string(documented > 0 ? " It marks " : " This patch marks ") +
                 plural(flagged, "finding", "findings") + " with FIXME comments, for someone to review and reword.";
    std::string body = wrap_paragraph(intro);
    for (const auto& f : plan.findings) {
        body += "\n";
        body += wrap_paragraph("Line " + std::to_string(f.edit.line > 0 ? f.edit.line : f.line) + ": " +
                               f.message + " [" + f.check_id + "]");
        if (!f.evidence.empty())
            body += "\n" + (plan.findings.size() <= kFullTablesUpTo ? evidence_table(f) : evidence_lists(f));
    }
    std::string packages = provenance_table(plan.findings, prov);
    if (!packages.empty()) body += "\nThe headers, per architecture:\n\n" + packages;
    return body;
}

std::string series_subject(Mode mode) {
    return mode == Mode::fix ? "Document architecture differences shown by the kernel headers"
                             : "Flag architecture-specific statements for review";
}

}  // namespace

Series build_series(const std::vector<PagePlan>& plans, const std::vector<archdata::ArchFacts>& facts,
                    const SeriesOptions& options) {
    std::map<std::string, const Provenance*> prov;
    for (const auto& f : facts) prov[f.provenance.arch_id] = &f.provenance;

    Series series;
    const int total = int(plans.size());
    const std::string date = rfc2822_date(options.date);
    std::vector<FileStat> stats;
    std::vector<std::string> subjects;
    std::map<std::string, int> per_check;
    Mode mode = plans.empty() ? Mode::fix : plans.front().mode;
    int flag_only_patches = 0;

    for (int i = 0; i < total; ++i) {
        const PagePlan& plan = plans[i];
        FileDiff diff = unified_diff(plan.path, plan.original, plan.patched);
        PatchMail mail;
        std::string subject = subject_prefix(plan.path, options.subject_style) + ": " + plan.summary;
        mail.subject = "[PATCH " + std::to_string(i + 1) + "/" + std::to_string(total) + "] " + subject;
        mail.from = options.from;
        mail.date = date;
        mail.body = patch_body(plan, facts, prov);
        if (options.signoff) mail.signoff = options.signoff->text();
        FileStat stat{plan.path, diff.insertions, diff.deletions};
        mail.diffstat = render_diffstat({stat});
        mail.diff = diff.text;
        mail.trailer = options.trailer;
        // Stands where git puts the commit id: a stable name for this exact change.
        mail.commit_id = git_blob_id(mail.subject + '\0' + mail.body + '\0' + mail.diff);
        series.files.push_back({patch_file_name(i + 1, subject), render_mail(mail)});
        stats.push_back(stat);
        subjects.push_back(subject);
        series.findings += int(plan.findings.size());
        series.flagged += flagged_in(plan);
        series.documented += int(plan.findings.size()) - flagged_in(plan);
        if (flagged_in(plan) == int(plan.findings.size())) ++flag_only_patches;
        for (const auto& f : plan.findings) ++per_check[f.check_id];
    }
    series.patches = total;

    // The cover letter, in the shape git format-patch --cover-letter gives it.
    std::string body;
    std::string intro = "These patches come from manaudit, which compares man pages with " + facts_source(facts) +
                        ", for each architecture. The series covers " +
                        plural(series.findings, "finding", "findings") + " on " +
                        plural(total, "page", "pages");
    if (options.pages_audited > 0) intro += " (" + std::to_string(options.pages_audited) + " audited)";
    intro += ".";
    body += wrap_paragraph(intro) + "\n";
    if (mode == Mode::fix) {
        // Say how many findings got text and how many only a FIXME: a series must not claim fixes it lacks.
        std::string counts = plural(series.documented, "finding is", "findings are") +
                             " documented with user-visible text where man-pages keeps such material: the "
                             "page's Architecture-specific subsection, NOTES or VERSIONS, the Notes column "
                             "of syscalls(2), or the sentence that named x86 alone.";
        if (series.flagged > 0)
            counts += " " + plural(series.flagged, "finding is", "findings are") +
                      " only marked with roff comments (.\\\" FIXME: ...), because the headers do not give "
                      "the text to write (a kernel version, for one)" +
                      (flag_only_patches > 0 ? "; the patches whose subject starts with \"Flag\" change no "
                                               "rendered text"
                                             : std::string()) +
                      ".";
        body += wrap_paragraph(counts);
    } else {
        body += wrap_paragraph("Each patch adds roff comments (.\\\" FIXME: ...) beside the lines concerned; "
                               "the rendered pages do not change.");
    }
    if (!per_check.empty()) {
        body += "\nFindings per check:\n\n";
        std::size_t w = 0;
        for (const auto& [id, count] : per_check) w = std::max(w, id.size());
        for (const auto& [id, count] : per_check) body += "    " + pad(id, w) + "  " + std::to_string(count) + "\n";
    }
    if (!facts.empty()) {
        body += "\nHeaders, per architecture:\n\n";
        std::size_t w = 0;
        for (const auto& f : facts) w = std::max(w, f.provenance.arch_id.size());
        for (const auto& f : facts) body += "    " + pad(f.provenance.arch_id, w) + "  " + package_of(&f.provenance) + "\n";
    }
    body += "\n" + options.from.name + " (" + std::to_string(total) + "):\n";
    for (const auto& s : subjects) body += "  " + s + "\n";
    if (!stats.empty()) body += "\n" + render_diffstat(stats) + "\n";

    PatchMail cover;
    cover.commit_id = std::string(40, '0');
    cover.from = options.from;
    cover.date = date;
    cover.subject = "[PATCH 0/" + std::to_string(total) + "] " + series_subject(mode);
    cover.body = body;
    cover.trailer = options.trailer;
    series.files.insert(series.files.begin(), {"0000-cover-letter.patch", render_mail(cover)});
    return series;
}

namespace {

bool write_file(const fs::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), std::streamsize(content.size()));
    out.close();
    return bool(out);
}

bool is_plain_file_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos &&
           name.find('\0') == std::string::npos;
}

}  // namespace

namespace {

// A patch manaudit wrote ends its mails with the "-- \nmanaudit VERSION" signature.
bool written_by_manaudit(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return text.find("\n-- \nmanaudit ") != std::string::npos;
}

}  // namespace

bool write_series(const Series& series, const std::string& directory, bool force, Diagnostics& diags) {
    auto fail = [&](const std::string& message) {
        diags.push_back({directory, 0, 0, Severity::error, message});
        return false;
    };
    for (const auto& f : series.files)
        if (!is_plain_file_name(f.name)) return fail("refusing to write '" + f.name + "': it would land outside the output directory");

    std::error_code ec;
    fs::path dir = fs::path(directory).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    if (dir.empty()) dir = ".";
    // A symbolic link to a directory is followed: the series goes where it
    // points and the link stays a link.
    if (fs::is_symlink(dir, ec)) {
        fs::path target = fs::canonical(dir, ec);
        if (ec) return fail("output path is a symbolic link to nothing");
        dir = target;
    }
    bool exists = fs::exists(dir, ec);
    if (exists && !fs::is_directory(dir, ec)) return fail("output path exists and is not a directory");
    std::vector<fs::path> old_patches;
    bool has_files = false;
    if (exists) {
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            has_files = true;
            if (entry.path().extension() == ".patch" && entry.is_regular_file(ec)) old_patches.push_back(entry.path());
        }
    }
    if (has_files && !force) return fail("output directory is not empty; use --force to replace the patches in it");
    // --force replaces a series manaudit wrote, never someone else's patches.
    for (const auto& old : old_patches)
        if (!written_by_manaudit(old))
            return fail("output directory holds " + old.filename().string() +
                        ", which manaudit did not write; refusing to remove it even with --force");

    // An existing directory is kept (its owner and mode are someone's choice):
    // the files are written in a temporary directory inside it and moved in.
    fs::path parent = exists ? dir : (dir.has_parent_path() ? dir.parent_path() : fs::path("."));
    if (!fs::is_directory(parent, ec)) return fail("the directory it would go in does not exist: " + parent.string());
    std::string pattern = (parent / ("." + dir.filename().string() + ".tmp-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) return fail("cannot create a temporary directory beside it: " + std::string(std::strerror(errno)));
    fs::path temp = pattern;

    for (const auto& f : series.files) {
        if (!write_file(temp / f.name, f.content)) {
            fs::remove_all(temp, ec);
            return fail("cannot write " + (temp / f.name).string());
        }
    }
    if (!exists) {
        fs::rename(temp, dir, ec);
        if (ec) {
            fs::remove_all(temp, ec);
            return fail("cannot move the series into place: " + ec.message());
        }
        return true;
    }
    for (const auto& old : old_patches) fs::remove(old, ec);
    for (const auto& f : series.files) {
        fs::rename(temp / f.name, dir / f.name, ec);
        if (ec) {
            fs::remove_all(temp, ec);
            return fail("cannot move " + f.name + " into place: " + ec.message());
        }
    }
    fs::remove_all(temp, ec);
    return true;
}

}  // namespace manaudit::patches
