fn main() {
    latih::start();
}
