// opencc-js ships no declarations for its dictionary modules: each exports "from to|from to|…".
declare module "opencc-js/dict/*" {
  const dict: string;
  export default dict;
}
