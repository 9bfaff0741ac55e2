/** Where the bench database lives unless DATA_DIR says otherwise (never the ./data of `npm start`). */
export const BENCH_DATA_DIR = "./data/bench";
