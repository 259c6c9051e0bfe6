fn main() -> std::process::ExitCode {
    aiplan::cli::run()
}
