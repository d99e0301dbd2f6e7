// Structs shown in code blocks: `struct x { ... };` with their fields.
#include "manpages/page_extract.h"
#include "parsers/cdecl/cdecl.h"

namespace manaudit::manpages {

void extract_structs(const PageText& text, Page& page) {
    for (std::size_t index = 0; index < text.blocks.size(); ++index) {
        const Block& block = text.blocks[index];
        if (block.kind != Block::Kind::code || block.text.find("struct") == std::string::npos) continue;
        const auto& runs = text.infos[index].runs;
        // Code blocks hold one run per input line, so the tokenizer's line
        // (counted from 0) indexes the runs.
        auto source_line = [&](int relative) {
            if (relative >= 0 && static_cast<std::size_t>(relative) < runs.size())
                return runs[static_cast<std::size_t>(relative)].line;
            return block.first_line;
        };
        for (cdecl::CStruct& found : cdecl::find_structs(block.text, 0)) {
            CodeStruct s;
            s.name = found.name;
            s.text = found.text;
            s.attributes = found.attributes;
            s.line = source_line(found.line);
            s.block = static_cast<int>(index);
            for (cdecl::CField& f : found.fields)
                s.fields.push_back({f.type, f.name, f.array, source_line(f.line)});
            page.structs.push_back(std::move(s));
        }
    }
}

}  // namespace manaudit::manpages
