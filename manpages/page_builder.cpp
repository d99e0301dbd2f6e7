// build_page and dump_tree: parse, collect blocks, run the extractors.
#include "manpages/page_builder.h"

#include "manpages/page_extract.h"
#include "manpages/sentences.h"
#include "manpages/source_layout.h"
#include "parsers/roff/man_parser.h"

namespace manaudit::manpages {

Page build_page(const std::string& path, std::string source, Diagnostics& diags) {
    Page page;
    page.path = path;
    roff::DiagnosticSink sink(path, diags);
    auto tree = roff::parse_man(source, sink);
    PageText text = collect_text(*tree);
    extract_names(text, page);
    extract_synopsis(text, page);
    extract_errors(text, page);
    extract_constants(text, page);
    extract_structs(text, page);
    extract_arch_mentions(text, page);
    extract_stated_values(text, page);
    extract_syscalls_table(text, page);
    page.blocks = std::move(text.blocks);
    for (Block& block : page.blocks) index_sentences(block);
    // Last: it takes the comments' texts out of the tree.
    page.layout = read_source_layout(*tree, source);
    page.source = std::move(source);
    return page;
}

std::string dump_tree(const std::string& path, std::string_view source, Diagnostics& diags) {
    roff::DiagnosticSink sink(path, diags);
    auto tree = roff::parse_man(source, sink);
    return roff::format_tree(*tree);
}

}  // namespace manaudit::manpages
