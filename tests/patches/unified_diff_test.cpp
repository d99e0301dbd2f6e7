// Tests for the line diff, unified hunks and git object ids.
#include <catch2/catch.hpp>

#include "patch_test_support.h"
#include "patches/text_lines.h"
#include "patches/unified_diff.h"

using namespace manaudit::patches;
using namespace manaudit::patches::testing;

namespace {

std::string numbered(int from, int to) {
    std::string s;
    for (int i = from; i <= to; ++i) s += "line " + std::to_string(i) + "\n";
    return s;
}

// Strips the "diff --git" and "index" lines: the hunks alone.
std::string hunks_of(const std::string& diff) {
    return diff.substr(diff.find("--- "));
}

}  // namespace

TEST_CASE("git blob ids match the ones git hash-object gives", "[patches][diff]") {
    CHECK(git_blob_id("hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a");
    CHECK(git_blob_id("") == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
}

TEST_CASE("split_lines keeps every byte and each line's own ending", "[patches][lines]") {
    std::string text = "a\r\nb\nc";
    auto lines = split_lines(text);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "a\r\n");
    CHECK(lines[2] == "c");
    CHECK(join_lines(lines) == text);
    CHECK(line_body(lines[0]) == "a");
    CHECK(dominant_line_ending(split_lines("x\r\ny\r\nz\n")) == "\r\n");
    CHECK(dominant_line_ending(split_lines("x\ny\r\nz\n")) == "\n");
}

TEST_CASE("an insertion gives one hunk with three lines of context", "[patches][diff]") {
    std::string old_text = numbered(1, 10);
    std::string new_text = numbered(1, 5) + "inserted\n" + numbered(6, 10);
    FileDiff d = unified_diff("man2/x.2", old_text, new_text);
    CHECK(d.insertions == 1);
    CHECK(d.deletions == 0);
    CHECK(hunks_of(d.text) ==
          "--- a/man2/x.2\n"
          "+++ b/man2/x.2\n"
          // As git writes it: the hunk header ends with the nearest line above
          // the hunk that starts with a letter (git's default function context).
          "@@ -3,6 +3,7 @@ line 2\n"
          " line 3\n line 4\n line 5\n+inserted\n line 6\n line 7\n line 8\n");
    CHECK(d.text.rfind("diff --git a/man2/x.2 b/man2/x.2\nindex " + git_blob_id(old_text).substr(0, 12) + "..", 0) == 0);
}

TEST_CASE("changes more than six lines apart get separate hunks, closer ones share", "[patches][diff]") {
    std::string old_text = numbered(1, 30);
    // Replace line 2 and line 20: 17 unchanged lines between them.
    std::string a = "line 1\nchanged 2\n" + numbered(3, 19) + "changed 20\n" + numbered(21, 30);
    FileDiff two = unified_diff("p", old_text, a);
    CHECK(hunks_of(two.text).find("@@ -1,5 +1,5 @@") != std::string::npos);
    CHECK(hunks_of(two.text).find("@@ -17,7 +17,7 @@") != std::string::npos);
    // Lines 2 and 9: six unchanged lines between them, one hunk.
    std::string b = "line 1\nchanged 2\n" + numbered(3, 8) + "changed 9\n" + numbered(10, 30);
    FileDiff one = unified_diff("p", old_text, b);
    CHECK(hunks_of(one.text).find("@@ -1,12 +1,12 @@") != std::string::npos);
    CHECK(one.insertions == 2);
    CHECK(one.deletions == 2);
}

TEST_CASE("a last line without a newline is marked", "[patches][diff]") {
    FileDiff d = unified_diff("p", "a\nb", "a\nb\nc");
    CHECK(hunks_of(d.text) ==
          "--- a/p\n+++ b/p\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"
          "\\ No newline at end of file\n");
}

TEST_CASE("insertion at the top names line 0 for the empty old range", "[patches][diff]") {
    FileDiff d = unified_diff("p", "a\nb\n", "top\na\nb\n");
    CHECK(hunks_of(d.text).find("@@ -0,0 +1 @@") == std::string::npos);
    CHECK(hunks_of(d.text).find("@@ -1,2 +1,3 @@\n+top\n a\n b\n") != std::string::npos);
    FileDiff only = unified_diff("p", "", "new\n");
    CHECK(hunks_of(only.text).find("@@ -0,0 +1 @@\n+new\n") != std::string::npos);
}

TEST_CASE("generated diffs apply with patch and git apply on every fixture page", "[patches][diff]") {
    const char* pages[] = {"getdirent.2", "calltable.2", "tunables.2", "crlf.2", "latin1.2", "pollpair.3type"};
    unsigned seed = 12345;
    auto next = [&seed] { return seed = seed * 1103515245u + 12345u, int((seed >> 16) % 1000); };
    for (const char* name : pages) {
        std::string old_text = read_bytes(fixture_dir() / "pages" / name);
        auto lines = split_lines(old_text);
        // Mixed edits: replace, delete, insert, at spread-out positions.
        for (int round = 0; round < 4; ++round) {
            auto edited = lines;
            for (int k = 0; k < 3; ++k) {
                int at = next() % int(edited.size());
                switch (next() % 3) {
                    case 0: edited[at] = "replaced " + std::to_string(k) + "\n"; break;
                    case 1: edited.erase(edited.begin() + at); break;
                    default: edited.insert(edited.begin() + at, "inserted " + std::to_string(k) + "\n"); break;
                }
            }
            std::string new_text = join_lines(edited);
            FileDiff d = unified_diff("man2/" + std::string(name), old_text, new_text);
            auto dir = temp_dir("diff");
            std::filesystem::create_directories(dir / "man2");
            write_bytes(dir / "man2" / name, old_text);
            write_bytes(dir / "change.diff", d.text);
            INFO(name << " round " << round << "\n" << d.text);
            CHECK(run("cd '" + dir.string() + "' && git apply --check change.diff") == 0);
            REQUIRE(run("cd '" + dir.string() + "' && patch -s -p1 < change.diff") == 0);
            CHECK(read_bytes(dir / "man2" / name) == new_text);
            std::filesystem::remove_all(dir);
        }
    }
}
