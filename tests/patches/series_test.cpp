// Tests for the mbox series: file names, headers, sign-off, cover letter,
// writing to a directory, and git am of a whole series.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include "patch_test_support.h"
#include "patches/diffstat.h"
#include "patches/mbox.h"

#include <algorithm>

using namespace manaudit;
using namespace manaudit::patches;
using namespace manaudit::patches::testing;
using audit::Finding;
using audit::ProposedEdit;

namespace {

Finding rewrite(const std::string& page, int line, const std::string& old_text, const std::string& new_text) {
    Finding f;
    f.check_id = "x86-only-statement";
    f.page = page;
    f.line = line;
    f.subject = "call";
    f.message = "the page names x86-64 alone, but arm64 lacks it too";
    f.evidence = {absent("x86_64"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::rewrite_sentence;
    f.edit.line = line;
    f.edit.flag_text = "absent on x86-64 and arm64";
    f.edit.old_text = old_text;
    f.edit.new_text = new_text;
    f.edit.summary = "Correct the architectures named for call()";
    return f;
}

Finding note(const std::string& page, int line) {
    Finding f;
    f.check_id = "constant-missing-on-arch";
    f.page = page;
    f.line = line;
    f.subject = "POLL_X";
    f.message = "POLL_X is not defined on arm64";
    f.evidence = {present("x86_64", "0x10", "asm/poll.h"), absent("arm64")};
    f.edit.kind = ProposedEdit::Kind::add_note;
    f.edit.line = line;
    f.edit.flag_text = f.message;
    f.edit.section = "NOTES";
    f.edit.new_text = ".B POLL_X\nis not defined on arm64.\n";
    f.edit.summary = "Note the architectures without POLL_X";
    return f;
}

std::vector<PagePlan> three_plans(Mode mode) {
    std::vector<PagePlan> plans;
    Diagnostics diags;
    auto add = [&](const char* file, const char* path, std::vector<Finding> fs) {
        auto plan = plan_page(fixture_page(file, path), fs, mode, diags);
        REQUIRE(plan);
        plans.push_back(*plan);
    };
    add("getdirent.2", "man2/getdirent.2",
        {rewrite("man2/getdirent.2", 33, "This system call does not exist on x86-64.",
                 "This system call does not exist on x86-64 or arm64."),
         note("man2/getdirent.2", 20)});
    add("latin1.2", "man2/latin1.2",
        {rewrite("man2/latin1.2", 7, "This call does not exist on x86-64.", "This call does not exist on x86-64 or arm64.")});
    add("pollpair.3type", "man3type/pollpair.3type", {note("man3type/pollpair.3type", 9)});
    REQUIRE(diags.empty());
    return plans;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// A git repository under a fresh temporary folder holding the plans' original
// pages in one commit, with the series written beside it in ../out.
struct RepoWithSeries {
    std::filesystem::path root, repo;
    std::string git;  // the prefix of a git command run in the repository
};

RepoWithSeries repo_with_series(const std::vector<PagePlan>& plans, const Series& s, const std::string& name) {
    RepoWithSeries r;
    r.root = temp_dir(name);
    r.repo = r.root / "tree";
    for (const auto& plan : plans) {
        std::filesystem::create_directories((r.repo / plan.path).parent_path());
        write_bytes(r.repo / plan.path, plan.original);
    }
    Diagnostics diags;
    REQUIRE(write_series(s, (r.root / "out").string(), false, diags));
    r.git = "cd '" + r.repo.string() + "' && git -c user.name=T -c user.email=t@example.org ";
    REQUIRE(run(r.git + "init -q && " + r.git + "add . && " + r.git + "commit -q -m base") == 0);
    return r;
}

}  // namespace

TEST_CASE("patch file names follow git format-patch", "[patches][mbox]") {
    CHECK(patch_file_name(1, "man2/readdir.2: Document arches lacking readdir") ==
          "0001-man2-readdir.2-Document-arches-lacking-readdir.patch");
    CHECK(patch_file_name(12, "man3type/epoll_event.3type: Note that struct epoll_event is packed") ==
          "0012-man3type-epoll_event.3type-Note-that-struct-epoll_ev.patch");
    CHECK(patch_file_name(2, "../../etc: x...y.") == "0002-.-.-etc-x.y.patch");
    CHECK(patch_file_name(2, "../../etc: x...y.").find('/') == std::string::npos);
}

TEST_CASE("diffstat has git's shape", "[patches][mbox]") {
    CHECK(render_diffstat({{"man2/readdir.2", 4, 1}}) ==
          " man2/readdir.2 | 5 ++++-\n 1 file changed, 4 insertions(+), 1 deletion(-)\n");
    CHECK(render_diffstat({{"man2/a.2", 1, 0}, {"man3type/b.3type", 12, 0}}) ==
          " man2/a.2         |  1 +\n man3type/b.3type | 12 ++++++++++++\n"
          " 2 files changed, 13 insertions(+)\n");
    std::string wide = render_diffstat({{"p", 500, 500}});
    // Scaled into 72 columns, both signs kept.
    CHECK(wide.find('\n') <= 72);
    CHECK(wide.find("+-") != std::string::npos);
}

TEST_CASE("identities parse only in the Name <mail> form", "[patches][mbox]") {
    auto id = parse_identity("Ada Tester <ada@example.org>");
    REQUIRE(id);
    CHECK(id->name == "Ada Tester");
    CHECK(id->email == "ada@example.org");
    CHECK_FALSE(parse_identity("ada@example.org"));
    CHECK_FALSE(parse_identity("Ada <ada@example.org> trailing"));
    CHECK_FALSE(parse_identity("<ada@example.org>"));
    CHECK(rfc2822_date(0) == "Thu, 1 Jan 1970 00:00:00 +0000");
}

TEST_CASE("Signed-off-by appears only when given", "[patches][mbox]") {
    auto plans = three_plans(Mode::fix);
    SeriesOptions options = fixed_options();
    Series plain = build_series(plans, two_arch_facts(), options);
    for (const auto& f : plain.files) CHECK_FALSE(contains(f.content, "Signed-off-by:"));
    options.signoff = Identity{"Bea Reviewer", "bea@example.org"};
    Series signed_series = build_series(plans, two_arch_facts(), options);
    CHECK(contains(signed_series.files[1].content, "\nSigned-off-by: Bea Reviewer <bea@example.org>\n---\n"));
    CHECK_FALSE(contains(signed_series.files[0].content, "Signed-off-by:"));
}

TEST_CASE("a series has a cover letter and numbered patches", "[patches][series]") {
    auto plans = three_plans(Mode::fix);
    Series s = build_series(plans, two_arch_facts(), fixed_options());
    REQUIRE(s.files.size() == 4);
    CHECK(s.patches == 3);
    CHECK(s.findings == 4);
    CHECK(s.files[0].name == "0000-cover-letter.patch");
    CHECK(s.files[1].name == "0001-man2-getdirent.2-Document-architecture-differences-f.patch");
    CHECK(s.files[3].name == "0003-man3type-pollpair.3type-Note-the-architectures-witho.patch");
    const std::string& cover = s.files[0].content;
    INFO(cover);
    CHECK(cover.rfind("From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n", 0) == 0);
    CHECK(contains(cover, "Subject: [PATCH 0/3] Document architecture differences"));
    std::string flowing = cover;
    std::replace(flowing.begin(), flowing.end(), '\n', ' ');
    CHECK(contains(flowing, "The series covers 4 findings on 3 pages."));
    CHECK(contains(cover, "    constant-missing-on-arch  2\n    x86-only-statement        2\n"));
    CHECK(contains(cover, "    arm64   linux-libc-dev-arm64-cross 6.1.4-1cross1\n"));
    CHECK(contains(cover, "Ada Tester (3):\n  man2/getdirent.2: "));
    CHECK(contains(cover, " 3 files changed, 8 insertions(+), 2 deletions(-)\n\n-- \n"));
    CHECK(contains(s.files[2].content, "Subject: [PATCH 2/3] man2/latin1.2: Correct the architectures named for call()\n"));
    // The page's Latin-1 bytes are in the diff as they are in the page.
    CHECK(contains(s.files[2].content, " .\\\" Hand-written fixture in Latin-1: Andr\xe9 wrote it.\n") == false);
    CHECK(contains(s.files[2].content, " Copyright \xa9 nobody.\n"));
}

TEST_CASE("writing refuses a used directory and leaves no partial output", "[patches][series][bad]") {
    Series s = build_series(three_plans(Mode::flag), two_arch_facts(), fixed_options());
    auto root = temp_dir("series");
    Diagnostics diags;

    // A new directory gets every file.
    REQUIRE(write_series(s, (root / "out").string(), false, diags));
    CHECK(std::distance(std::filesystem::directory_iterator(root / "out"), {}) == 4);
    CHECK(read_bytes(root / "out" / s.files[1].name) == s.files[1].content);

    // Files in it: refused, nothing changes, no temporary left beside it.
    write_bytes(root / "out" / "notes.txt", "mine");
    write_bytes(root / "out" / "0009-stale.patch", "old\n-- \nmanaudit 0.0.1\n\n");
    CHECK_FALSE(write_series(s, (root / "out").string(), false, diags));
    REQUIRE(diags.size() == 1);
    CHECK(contains(diags[0].message, "not empty"));
    CHECK(std::distance(std::filesystem::directory_iterator(root / "out"), {}) == 6);
    CHECK(std::distance(std::filesystem::directory_iterator(root), {}) == 1);

    // --force: old patches replaced, other files kept.
    diags.clear();
    REQUIRE(write_series(s, (root / "out").string(), true, diags));
    CHECK_FALSE(std::filesystem::exists(root / "out" / "0009-stale.patch"));
    CHECK(read_bytes(root / "out" / "notes.txt") == "mine");
    CHECK(std::distance(std::filesystem::directory_iterator(root), {}) == 1);

    // Patches manaudit did not write are never removed, even with --force.
    write_bytes(root / "out" / "0001-mine.patch", "From: someone\n\n-- \n2.39.2\n");
    diags.clear();
    CHECK_FALSE(write_series(s, (root / "out").string(), true, diags));
    REQUIRE(diags.size() == 1);
    CHECK(contains(diags[0].message, "0001-mine.patch, which manaudit did not write"));
    CHECK(read_bytes(root / "out" / "0001-mine.patch") == "From: someone\n\n-- \n2.39.2\n");
    CHECK(read_bytes(root / "out" / "notes.txt") == "mine");
    CHECK(std::distance(std::filesystem::directory_iterator(root), {}) == 1);

    // A name that would leave the directory is refused before anything is written.
    Series bad = s;
    bad.files[1].name = "../escape.patch";
    diags.clear();
    CHECK_FALSE(write_series(bad, (root / "other").string(), false, diags));
    CHECK_FALSE(std::filesystem::exists(root / "other"));
    CHECK_FALSE(std::filesystem::exists(root / "escape.patch"));
    std::filesystem::remove_all(root);
}

TEST_CASE("git am takes the whole series, in both modes", "[patches][series][git]") {
    for (Mode mode : {Mode::flag, Mode::fix}) {
        auto plans = three_plans(mode);
        Series s = build_series(plans, two_arch_facts(), fixed_options());
        auto [root, repo, git] = repo_with_series(plans, s, "am");
        for (std::size_t i = 1; i < s.files.size(); ++i) {
            std::string patch = (root / "out" / s.files[i].name).string();
            CHECK(run("cd '" + repo.string() + "' && git apply --check '" + patch + "'") == 0);
            CHECK(run("cd '" + repo.string() + "' && patch -p1 --dry-run -s < '" + patch + "' > /dev/null") == 0);
        }
        INFO(mode_name(mode));
        REQUIRE(run(git + "am -q ../out/000[1-9]-*.patch") == 0);
        for (const auto& plan : plans) CHECK(read_bytes(repo / plan.path) == plan.patched);
        // The commits carry the subjects and the author given.
        CHECK(run(git + "log --format=%an%n%s | grep -qx 'man2/latin1.2: .*'") == 0);
        CHECK(run(git + "log -1 --format=%an | grep -qx 'Ada Tester'") == 0);
        std::filesystem::remove_all(root);
    }
}

namespace {

Finding table_row_finding(int line, const std::string& name, ProposedEdit::Kind kind) {
    Finding f;
    f.check_id = "syscalls-table-notes";
    f.page = "man2/calltable.2";
    f.line = line;
    f.subject = name;
    f.evidence = {present("x86_64", "123", "asm/unistd_64.h"), absent("arm64")};
    f.edit.kind = kind;
    f.edit.line = line;
    if (kind == ProposedEdit::Kind::table_note) {
        f.message = "the table says \"Not on x86\", but " + name + " exists on x86_64";
        f.edit.old_text = "Not on x86";
        f.edit.new_text = "x86-64 only";
        f.edit.summary = "Correct the notes for " + name;
    } else {
        // A call missing from the table: the headers give no kernel version to write, so only a FIXME.
        f.message = name + " exists on x86_64 but is not in the table";
        f.edit.summary = "Add " + name + " to the table";
    }
    f.edit.flag_text = f.message;
    return f;
}

manpages::Page calltable_with_rows() {
    manpages::Page page = fixture_page("calltable.2", "man2/calltable.2");
    page.syscalls_table = {{"access", "2", "1.0", "", 12},
                           {"cacheflush", "2", "1.2", "Not on x86", 13},
                           {"chown", "2", "2.2", "See chown(2) for version details", 14},
                           {"close", "2", "1.0", "", 18}};
    return page;
}

std::string flowing(std::string s) {
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

}  // namespace

TEST_CASE("fix mode: a page with only FIXME content is flagged, and the cover letter counts fixes and flags",
          "[patches][series]") {
    Diagnostics diags;
    auto documented = plan_page(fixture_page("getdirent.2", "man2/getdirent.2"),
                                {rewrite("man2/getdirent.2", 33, "This system call does not exist on x86-64.",
                                         "This system call does not exist on x86-64 or arm64."),
                                 note("man2/getdirent.2", 20)},
                                Mode::fix, diags);
    auto flag_only = plan_page(calltable_with_rows(), {table_row_finding(12, "chmod", ProposedEdit::Kind::none)},
                               Mode::fix, diags);
    REQUIRE(documented);
    REQUIRE(flag_only);
    REQUIRE(diags.empty());
    CHECK(flag_only->summary.rfind("Flag ", 0) == 0);

    Series s = build_series({*documented, *flag_only}, two_arch_facts(), fixed_options());
    CHECK(s.findings == 3);
    CHECK(s.documented == 2);
    CHECK(s.flagged == 1);
    const std::string cover = flowing(s.files[0].content);
    INFO(cover);
    CHECK(contains(cover, "2 findings are documented with user-visible text"));
    CHECK(contains(cover, "1 finding is only marked with roff comments"));
    CHECK(contains(cover, "the patches whose subject starts with \"Flag\" change no rendered text"));
    CHECK(contains(s.files[2].content, "Subject: [PATCH 2/2] man2/calltable.2: Flag "));
    CHECK(contains(flowing(s.files[2].content), "This patch marks 1 finding with FIXME comments"));
    CHECK_FALSE(contains(s.files[2].content, "This patch documents"));
}

TEST_CASE("fix mode: a page with a fix and a flag names only the fix in its subject", "[patches][series]") {
    Diagnostics diags;
    auto mixed = plan_page(calltable_with_rows(),
                           {table_row_finding(12, "chmod", ProposedEdit::Kind::none),
                            table_row_finding(13, "cacheflush", ProposedEdit::Kind::table_note)},
                           Mode::fix, diags);
    REQUIRE(mixed);
    REQUIRE(diags.empty());
    CHECK(mixed->summary == "Correct the notes for cacheflush");
    Series s = build_series({*mixed}, two_arch_facts(), fixed_options());
    CHECK(s.documented == 1);
    CHECK(s.flagged == 1);
    const std::string cover = flowing(s.files[0].content);
    INFO(cover);
    CHECK(contains(cover, "1 finding is documented with user-visible text"));
    CHECK(contains(cover, "1 finding is only marked with roff comments"));
    CHECK_FALSE(contains(cover, "subject starts with \"Flag\""));
    const std::string body = flowing(s.files[1].content);
    CHECK(contains(body, "This patch documents 1 finding"));
    CHECK(contains(body, "It marks 1 finding with FIXME comments"));
}

TEST_CASE("mail bodies name the range of kernel versions the headers came from", "[patches][series]") {
    auto plans = three_plans(Mode::fix);
    auto facts = two_arch_facts();
    facts[0].provenance.kernel_version = "6.1.4";
    facts[1].provenance.kernel_version = "6.1.10";
    Series mixed = build_series(plans, facts, fixed_options());
    CHECK(mixed.files.at(0).content.find("Linux 6.1.4 to 6.1.10 UAPI headers") != std::string::npos);
    CHECK(mixed.files.at(1).content.find("Linux 6.1.4 to 6.1.10 UAPI headers") != std::string::npos);

    facts[1].provenance.kernel_version = "6.1.4";
    Series same = build_series(plans, facts, fixed_options());
    CHECK(same.files.at(1).content.find("Linux 6.1.4 UAPI headers") != std::string::npos);
}

TEST_CASE("a page with many findings lists each one's evidence compactly", "[patches][series]") {
    std::vector<Finding> many;
    for (const char* name : {"POLL_A", "POLL_B", "POLL_C", "POLL_D", "POLL_E"}) {
        Finding f = note("man2/getdirent.2", 20);
        f.subject = name;
        f.message = std::string(name) + " is not defined on arm64";
        f.edit.new_text = ".B " + std::string(name) + "\nis not defined on arm64.\n";
        many.push_back(f);
    }
    Diagnostics diags;
    auto plan = plan_page(fixture_page("getdirent.2", "man2/getdirent.2"), many, Mode::fix, diags);
    REQUIRE(plan);
    std::string mail = single_patch(*plan);
    CHECK(contains(mail, "    present: x86_64 0x10 (asm/poll.h)\n    absent: arm64\n"));
    CHECK_FALSE(contains(mail, "    arm64        absent"));

    // A page with few findings keeps the row-per-arch table.
    many.resize(1);
    auto small = plan_page(fixture_page("getdirent.2", "man2/getdirent.2"), many, Mode::fix, diags);
    REQUIRE(small);
    CHECK_FALSE(contains(single_patch(*small), "present:"));
}

TEST_CASE("an output path that is a symlink to a directory stays a symlink", "[patches][series][bad]") {
    Series s = build_series(three_plans(Mode::flag), two_arch_facts(), fixed_options());
    auto root = temp_dir("series");
    std::filesystem::create_directories(root / "real");
    std::filesystem::create_directory_symlink("real", root / "link");
    Diagnostics diags;
    REQUIRE(write_series(s, (root / "link").string(), false, diags));
    CHECK(std::filesystem::is_symlink(root / "link"));
    CHECK(read_bytes(root / "real" / s.files[1].name) == s.files[1].content);
    CHECK(std::distance(std::filesystem::directory_iterator(root / "real"), {}) == 4);

    // --force through the link replaces the series in the directory it names.
    REQUIRE(write_series(s, (root / "link").string(), true, diags));
    CHECK(std::filesystem::is_symlink(root / "link"));
    CHECK(std::distance(std::filesystem::directory_iterator(root / "real"), {}) == 4);
    CHECK(std::distance(std::filesystem::directory_iterator(root), {}) == 2);
    std::filesystem::remove_all(root);
}

TEST_CASE("an existing empty output directory is filled, not replaced", "[patches][series][bad]") {
    Series s = build_series(three_plans(Mode::flag), two_arch_facts(), fixed_options());
    auto root = temp_dir("series");
    std::filesystem::create_directories(root / "out");
    std::filesystem::permissions(root / "out", std::filesystem::perms::owner_all | std::filesystem::perms::group_all);
    struct stat before{};
    REQUIRE(stat((root / "out").c_str(), &before) == 0);
    if (geteuid() == 0) REQUIRE(chown((root / "out").c_str(), 4242, 4242) == 0);  // someone else's
    REQUIRE(stat((root / "out").c_str(), &before) == 0);

    Diagnostics diags;
    REQUIRE(write_series(s, (root / "out").string(), false, diags));
    struct stat after{};
    REQUIRE(stat((root / "out").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(after.st_uid == before.st_uid);
    CHECK((after.st_mode & 07777) == (before.st_mode & 07777));
    CHECK(std::distance(std::filesystem::directory_iterator(root / "out"), {}) == 4);
    std::filesystem::remove_all(root);
}

TEST_CASE("a non-ASCII author is RFC 2047 encoded as git format-patch writes it", "[patches][mbox]") {
    SeriesOptions options = fixed_options();
    options.from = *parse_identity("J\xc3\xb6rg M\xc3\xbcller <jm@example.org>");
    Series s = build_series(three_plans(Mode::fix), two_arch_facts(), options);
    for (const auto& f : s.files) {
        INFO(f.name);
        CHECK(contains(f.content, "\nFrom: =?UTF-8?q?J=C3=B6rg=20M=C3=BCller?= <jm@example.org>\nDate: "));
    }
    // The patches' subjects and bodies are ASCII: no charset header, as git omits it then.
    CHECK_FALSE(contains(s.files[1].content, "Content-Type:"));
    // The cover letter's shortlog names the author in its body, in UTF-8.
    CHECK(contains(s.files[0].content, "Content-Type: text/plain; charset=UTF-8\n"));
    CHECK(contains(s.files[0].content, "\nJ\xc3\xb6rg M\xc3\xbcller (3):\n"));
}

TEST_CASE("From: and Subject: headers match git format-patch byte for byte", "[patches][mbox][git]") {
    const std::vector<std::string> names = {
        "J\xc3\xb6rg M\xc3\xbcller", "Plain Name", "J. Doe", "Doe, Jane", "a=?b", "Quote \"Q\" Back\\slash",
        "\xc3\x9cn\xc3\xaf" "code \xc3\x91" "ame With A Very Long Family Name That Goes Past The Limit Of One Line"};
    const std::string title = "man2/x.2: \xc3\x9cmlauts in a subject long enough to need a second encoded line";
    auto root = temp_dir("from");
    std::string git = "cd '" + root.string() + "' && git ";
    REQUIRE(run(git + "init -q && echo a > f && " + git + "add f") == 0);
    for (std::size_t i = 0; i < names.size(); ++i) {
        write_bytes(root / "name", names[i]);
        write_bytes(root / "message", title + "\n");
        std::string identity = "-c user.email=x@example.org -c \"user.name=$(cat name)\" ";
        REQUIRE(run("cd '" + root.string() + "' && echo " + std::to_string(i) + " >> f") == 0);
        REQUIRE(run(git + identity + "commit -q -F message f") == 0);
        REQUIRE(run(git + "format-patch -1 --stdout > theirs.patch") == 0);
        std::string theirs = read_bytes(root / "theirs.patch");
        auto header = [](const std::string& mail, const std::string& name) {
            std::size_t start = mail.find("\n" + name + ": ");
            if (start == std::string::npos) return "no " + name + " header";
            std::size_t end = start;
            do end = mail.find('\n', end + 1);
            while (end + 1 < mail.size() && mail[end + 1] == ' ');
            return mail.substr(start, end - start);
        };
        PatchMail mail;
        mail.commit_id = std::string(40, '0');
        mail.from = {names[i], "x@example.org"};
        mail.date = "Tue, 14 Nov 2023 22:13:20 +0000";
        mail.subject = "[PATCH] " + title;
        std::string ours = render_mail(mail);
        INFO(ours << "\n---- git:\n" << theirs);
        CHECK(header(ours, "From") == header(theirs, "From"));
        CHECK(header(ours, "Subject") == header(theirs, "Subject"));
        CHECK(contains(ours, "\nContent-Type: text/plain; charset=UTF-8\n") ==
              contains(theirs, "\nContent-Type: text/plain; charset=UTF-8\n"));
    }
    std::filesystem::remove_all(root);
}

TEST_CASE("git am restores a non-ASCII author from the encoded header", "[patches][series][git]") {
    auto plans = three_plans(Mode::fix);
    SeriesOptions options = fixed_options();
    options.from = {"J\xc3\xb6rg M\xc3\xbcller", "jm@example.org"};
    Series s = build_series(plans, two_arch_facts(), options);
    auto [root, repo, git] = repo_with_series(plans, s, "am-author");
    REQUIRE(run(git + "am -q ../out/000[1-9]-*.patch") == 0);
    REQUIRE(run(git + "log -3 --format=%an > ../authors") == 0);
    CHECK(read_bytes(root / "authors") == "J\xc3\xb6rg M\xc3\xbcller\nJ\xc3\xb6rg M\xc3\xbcller\nJ\xc3\xb6rg M\xc3\xbcller\n");
    std::filesystem::remove_all(root);
}
