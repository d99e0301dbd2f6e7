// NameIndex: a hash index over a fact table (a std::map by name), so that
// the audit's lookups, millions per release (every documented name on every
// ABI), take one probe instead of a tree walk with a string compare a level.
#pragma once

#include <bit>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace manaudit::archdata {

template <typename Value>
class NameIndex {
public:
    using Table = std::map<std::string, Value>;

    NameIndex() = default;
    // A copy belongs to another table, whose nodes the slots do not point
    // into: it starts unindexed, and lookups walk the map.
    NameIndex(const NameIndex&) noexcept {}
    NameIndex& operator=(const NameIndex& other) noexcept {
        if (this != &other) clear();
        return *this;
    }
    // Moving a std::map moves its nodes along: the slots stay valid.
    NameIndex(NameIndex&&) noexcept = default;
    NameIndex& operator=(NameIndex&&) noexcept = default;
    ~NameIndex() = default;

    /// Indexes `table` as it is now. Call it once the table is complete:
    /// the index is used only for a table with the same first node and size
    /// (the same table moved, not one assigned or grown since).
    void build(const Table& table) {
        clear();
        if (table.empty()) return;
        slots_.assign(std::bit_ceil(2 * table.size()), nullptr);
        const std::size_t mask = slots_.size() - 1;
        for (const auto& entry : table) {
            std::size_t at = std::hash<std::string_view>{}(entry.first) & mask;
            while (slots_[at]) at = (at + 1) & mask;
            slots_[at] = &entry;
        }
        indexed_size_ = table.size();
        first_ = &*table.begin();
    }

    /// The value named `name` in `table`, the table this index was built
    /// from (or any table, when the index is empty); nullptr when none.
    const Value* find(const Table& table, std::string_view name) const {
        if (slots_.empty() || indexed_size_ != table.size() || first_ != &*table.begin()) {
            auto it = table.find(std::string(name));
            return it == table.end() ? nullptr : &it->second;
        }
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = std::hash<std::string_view>{}(name) & mask; slots_[at]; at = (at + 1) & mask)
            if (slots_[at]->first == name) return &slots_[at]->second;
        return nullptr;
    }

private:
    void clear() {
        slots_.clear();
        indexed_size_ = 0;
        first_ = nullptr;
    }

    std::vector<const typename Table::value_type*> slots_;
    std::size_t indexed_size_ = 0;
    const typename Table::value_type* first_ = nullptr;
};

}  // namespace manaudit::archdata
