package config

// Version is the console's version; release builds set it with
// -ldflags "-X github.com/koogallery/merchant-console/config.Version=…".
// It matches FyneApp.toml's Details.Version.
var Version = "0.1.0"

// AppID is the application ID shared by FyneApp.toml, preferences and the keyring.
const AppID = "com.koogallery.merchantconsole"
