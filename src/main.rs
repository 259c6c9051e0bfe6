// mimalloc: loading a large plan is allocation-bound (hundreds of thousands
// of small strings and maps), where it is markedly faster than the system
// allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    aiplan::allocator::return_freed_memory_promptly();
    aiplan::cli::run()
}
