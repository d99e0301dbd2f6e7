// TEMPORARY placeholder so the skeleton links; delete when real sources exist.
namespace { [[maybe_unused]] int placeholder; }
