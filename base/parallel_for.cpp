// The process's worker threads, shared by every parallel_for.
#include "base/parallel_for.h"

#include <algorithm>
#include <deque>

namespace manaudit::detail {

namespace {

class Workers {
public:
    void run(std::function<void()> task) {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
        // A task no idle thread will take starts a thread, up to one per
        // hardware thread; beyond that it waits, while its loop's caller
        // works on. A thread that has just finished a task may not count as
        // idle yet: the cap, not the idle count, keeps the threads few.
        if (tasks_.size() > idle_ && started_ < limit_) {
            ++started_;
            std::thread([this] { serve(); }).detach();
        }
        ready_.notify_one();
    }

    std::size_t started() {
        std::lock_guard lock(mutex_);
        return started_;
    }

private:
    [[noreturn]] void serve() {
        std::unique_lock lock(mutex_);
        while (true) {
            ++idle_;
            ready_.wait(lock, [&] { return !tasks_.empty(); });
            --idle_;
            std::function<void()> task = std::move(tasks_.front());
            tasks_.pop_front();
            lock.unlock();
            task();
            lock.lock();
        }
    }

    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> tasks_;
    std::size_t idle_ = 0;
    std::size_t started_ = 0;
    const std::size_t limit_ = std::max(2u, std::thread::hardware_concurrency());
};

// Never destroyed: the threads wait on it until the process ends.
Workers& workers() {
    static Workers* const kept = new Workers;
    return *kept;
}

}  // namespace

void run_on_worker(std::function<void()> task) { workers().run(std::move(task)); }

std::size_t workers_started() { return workers().started(); }

}  // namespace manaudit::detail
