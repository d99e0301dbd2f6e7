// Recycling freed nodes per thread, so that parsing page after page reuses
// the memory of the previous page's tree without going through malloc.
#include <new>

#include "parsers/roff/roff_node.h"

namespace manaudit::roff {

namespace {

struct FreeNode {
    FreeNode* next;
};

class FreeNodes {
public:
    FreeNodes() = default;
    FreeNodes(const FreeNodes&) = delete;
    FreeNodes& operator=(const FreeNodes&) = delete;
    // Memory goes back to malloc when the thread ends.
    ~FreeNodes() {
        while (head_) {
            FreeNode* next = head_->next;
            ::operator delete(head_);
            head_ = next;
        }
    }

    void* take() {
        if (!head_) return nullptr;
        FreeNode* node = head_;
        head_ = node->next;
        --count_;
        return node;
    }

    bool give(void* memory) {
        if (count_ >= kMaxKept) return false;
        head_ = new (memory) FreeNode{head_};
        ++count_;
        return true;
    }

private:
    // Enough for the trees of the largest real pages; beyond it memory is
    // handed back, so one huge page does not keep its tree's memory.
    static constexpr std::size_t kMaxKept = 1 << 16;
    FreeNode* head_ = nullptr;
    std::size_t count_ = 0;
};

thread_local FreeNodes free_nodes;

}  // namespace

void* Node::operator new(std::size_t size) {
    if (size == sizeof(Node))
        if (void* recycled = free_nodes.take()) return recycled;
    return ::operator new(size);
}

void Node::operator delete(void* node, std::size_t size) noexcept {
    if (size == sizeof(Node) && free_nodes.give(node)) return;
    ::operator delete(node);
}

}  // namespace manaudit::roff
