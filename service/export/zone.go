package export

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LocalZone is the machine's time zone under its IANA name (Asia/Shanghai),
// so a report says which zone its dates are in; time.Local calls itself
// "Local". When no name can be found, the zone is named by its offset.
func LocalZone() *time.Location {
	if name := localZoneName(); name != "" {
		if loc, err := time.LoadLocation(name); err == nil {
			return loc
		}
	}
	_, offset := time.Now().Zone()
	return time.FixedZone(offsetName(offset), offset)
}

// localZoneName reads TZ, else where /etc/localtime points into a zoneinfo
// tree (Linux, macOS).
func localZoneName() string {
	if tz, ok := os.LookupEnv("TZ"); ok {
		tz = strings.TrimPrefix(tz, ":")
		if tz == "" {
			return "UTC" // an empty TZ means UTC, as for time.Local
		}
		return zoneinfoName(tz)
	}
	target, err := filepath.EvalSymlinks("/etc/localtime")
	if err != nil {
		return ""
	}
	return zoneinfoName(target)
}

// zoneinfoName is the zone name in a path into a zoneinfo tree, or the
// name itself.
func zoneinfoName(path string) string {
	if _, name, ok := strings.Cut(filepath.ToSlash(path), "zoneinfo/"); ok {
		return name
	}
	if filepath.IsAbs(path) {
		return ""
	}
	return path
}

// offsetName is "UTC+08:00" for 8 hours east.
func offsetName(offset int) string {
	sign := '+'
	if offset < 0 {
		sign, offset = '-', -offset
	}
	return fmt.Sprintf("UTC%c%02d:%02d", sign, offset/3600, offset%3600/60)
}
