fn main() -> std::process::ExitCode {
    ncen::cli::main()
}
