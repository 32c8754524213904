import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// Tauri loads the dev server at a fixed port (devUrl) and the built files from ui/dist.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK (Linux), WebView2 (Windows) and WKWebView (macOS) are all recent engines.
    target: "es2022",
    sourcemap: false,
  },
});
