// Package sandbox is a living, in-memory KooGallery marketplace for
// development, tests and demos. It serves the whole seller-gateway contract
// of package marketapi (incremental listings, details, actions, whoami) and
// the real open API's order query, from data made by a deterministic seeded
// generator, for several accounts (a China-site main account, a sub-account
// with delegated products and an international-site account).
//
// The world moves on a Clock that can run faster than real time: orders
// arrive, simulated customers open and answer tickets, failed interface
// calls are retried on the marketplace's schedule until they succeed or the
// order is unsubscribed, supervision nodes advance and the monthly bills
// appear on the 3rd. Every request must carry a valid APIG signature; faults
// (errors, 429s, latency, truncated bodies, going offline) can be injected.
//
// # Bills
//
// The marketplace settles each settlement category of goods on its own
// bill, so an account gets several bills a month, one per category it sold
// in. The sandbox's categories are 通用商品 (general goods: SaaS opened
// online or delivered offline, application orchestration; code GEN),
// License (LIC), 人工服务 (manual services; SVC) and 硬件 (hardware; HW).
// A bill's ID is BL<account letter><yyyymm>-<category>-<nn>, e.g.
// BLA202610-LIC-01; its lines are exactly the 已出账 transaction details
// that carry its ID, and they sum to its amount.
//
// Options.Bills is the number of bills wanted over all accounts, shared
// like the other sizes by account weight. An account's history spans
// Bills-share / categories closed months (at least 1, at most 36); its
// orders are spread from the first of those months up to now, so the
// current month (and the previous one before the 3rd) stays 未出账. When
// one bill per month and category is fewer than wanted, the busiest
// month-categories are split into numbered bills of similar size (as the
// seller center pages large settlements), so the count comes out as asked
// when there are transaction rows enough; a tiny request still gets one
// bill per month and category sold in. Statuses follow age: the latest
// month's bills mostly 待开票 or 发票待审核, the month before a mix of
// review and payment outcomes (申请被驳回, 支付信息错误, 申付单创建失败 …),
// older ones 已付款. The living simulation bills each closed month on the
// 3rd at 20:00 CST (12:00 UTC: still the 3rd from UTC-12 to UTC+11), one
// new 待开票 bill per category with transactions.
//
// # Layout
//
// This package is the marketplace's front: the loopback HTTP server
// (signature checks, fault injection, going offline), the contract's
// routes and opaque cursors, the open API's order query, attachment
// bytes, the production-interface caller (Producer), the clock and the
// test hooks. The world it serves, generated and simulated, is package
// world (sandbox/world); the rules actions follow and the refusals they
// get are package rules (sandbox/rules). Neither imports this package.
package sandbox
