import type { Messages } from './en';

/** Vietnamese UI strings (our own wording). */
export const vi: Messages = {
	lang: { label: 'Ngôn ngữ' },
	app: {
		name: 'Bản đồ Sự kiện',
		tagline: 'Các sự kiện tại và quanh Nagorno-Karabakh: ai đã nói gì, được đưa tin ở đâu',
		loading: 'Đang tải dữ liệu…',
		loadError: (message: string) => `Không tải được bộ dữ liệu: ${message}`,
		skipToList: 'Chuyển đến danh sách sự kiện',
		synthetic: 'dữ liệu giả lập',
		syntheticDataset: 'Dữ liệu kiểm thử giả lập: không phải sự kiện có thật'
	},
	map: {
		label: 'Bản đồ các sự kiện',
		legend: 'Chú giải và các lớp bản đồ'
	},
	filters: {
		heading: 'Bộ lọc',
		types: 'Loại sự kiện',
		actors: 'Bên liên quan',
		search: 'Tìm kiếm',
		searchHint: 'Địa danh với mọi cách viết, tên người, từ trong trích dẫn',
		clear: 'Xóa bộ lọc',
		active: (n: number) => `Đang bật ${n} bộ lọc`,
		area: (bbox: string) => `Vùng (từ đường liên kết): ${bbox}`
	},
	types: {
		Battles: 'Giao tranh',
		'Explosions/Remote violence': 'Nổ / tấn công từ xa',
		'Violence against civilians': 'Bạo lực nhằm vào dân thường',
		Protests: 'Biểu tình',
		Riots: 'Bạo loạn',
		'Strategic developments': 'Diễn biến chiến lược'
	},
	incidents: {
		heading: 'Sự kiện',
		listLabel: 'Các sự kiện, theo thứ tự ngày',
		count: (shown: number, total: number) =>
			shown === total
				? `${shown.toLocaleString('vi')} sự kiện`
				: `${shown.toLocaleString('vi')} trên ${total.toLocaleString('vi')} sự kiện`,
		none: 'Không có sự kiện nào khớp với khoảng thời gian và bộ lọc.',
		keys: 'Phím mũi tên để di chuyển, Enter để chọn, Escape để bỏ chọn.'
	},
	details: {
		heading: 'Chi tiết sự kiện',
		empty: 'Hãy chọn một sự kiện trên bản đồ, trong danh sách hoặc trên dòng thời gian.',
		date: 'Ngày',
		places: 'Địa điểm',
		type: 'Loại',
		actors: 'Các bên',
		summary: 'Tóm tắt',
		claims: 'Các con số được công bố',
		claimsNote:
			'Mỗi con số là tuyên bố của một bên; khi các tuyên bố về cùng một việc khác nhau, chúng được đặt cạnh nhau.',
		noClaims: 'Không có con số nào được công bố cho sự kiện này.',
		sources: 'Nguồn',
		location: 'Vị trí',
		precision: {
			1: 'Vị trí chính xác',
			2: 'Gần địa danh được nêu',
			3: 'Chỉ biết khu vực'
		},
		uncertainty: (km: string) => `vị trí có thể sai lệch khoảng ±${km} km`,
		coordinates: 'Tọa độ',
		page: 'Trang sự kiện',
		mapLink: 'Xem trên bản đồ',
		notVisible: 'Sự kiện này nằm ngoài khoảng thời gian hoặc bộ lọc hiện tại.',
		clearSelection: 'Bỏ chọn',
		alsoKnownAs: 'còn gọi là',
		altPosition: 'Một vị trí khác đã được công bố',
		published: 'đăng ngày',
		credits: 'ghi công'
	},
	claims: {
		metric: 'Con số về',
		value: 'Con số công bố',
		subject: 'Về ai',
		claimant: 'Bên công bố',
		source: 'Nguồn',
		differ: 'các tuyên bố khác nhau',
		atLeast: (n: string) => `ít nhất ${n}`,
		range: (low: string, high: string) => `${low}–${high}`
	},
	metrics: {
		killed: 'thiệt mạng',
		wounded: 'bị thương',
		injured: 'bị thương',
		missing: 'mất tích',
		captured: 'bị bắt',
		displaced: 'phải sơ tán',
		positions_taken: 'vị trí bị chiếm',
		aircraft_shot_down: 'máy bay bị bắn rơi',
		helicopters_shot_down: 'trực thăng bị bắn rơi',
		tanks_destroyed: 'xe tăng bị phá hủy'
	},
	export: {
		export: 'Xuất dữ liệu',
		exportIncident: 'Xuất sự kiện này',
		geojson: 'GeoJSON',
		incidentsCsv: 'CSV (sự kiện)',
		statementsCsv: 'CSV (phát biểu)',
		kml: 'KML',
		preparing: 'Đang chuẩn bị {format}…',
		done: 'Đã tải xuống {format} ({count} sự kiện).',
		failed: 'Xuất dữ liệu thất bại: {error}'
	},
	statements: {
		heading: 'Phát biểu',
		forIncident: 'Về sự kiện đang chọn',
		forWindow: 'Phát biểu trong khoảng thời gian',
		organisation: 'Tổ chức',
		noState: 'Không thuộc quốc gia nào',
		topic: 'Chủ đề',
		all: 'Tất cả',
		first: 'Hiển thị trước',
		original: 'Nguyên văn',
		translation: 'Bản dịch',
		translationBy: (by: string) => `Bản dịch tiếng Anh của ${by}`,
		originalLang: (lang: string) => `Nguyên văn (${lang})`,
		via: (via: string) => `qua ${via}`,
		reportedSubject: 'Về phát biểu của',
		reportedBy: 'Theo tường thuật của',
		quotedBy: 'Nguyên lời người phát biểu, theo trích dẫn của',
		formReported: 'Lời tường thuật',
		reportedNote: 'báo chí diễn đạt lại điều được nói, không phải nguyên lời người phát biểu',
		formDirect: 'Trích dẫn trực tiếp',
		directNote: 'lời của chính người phát biểu, được nguồn đặt trong ngoặc kép',
		source: 'Nguồn',
		highlight: 'Làm nổi bật các sự kiện liên quan',
		highlighted: 'Các sự kiện liên quan đang được làm nổi bật',
		unhighlight: 'Thôi làm nổi bật',
		none: 'Không có phát biểu nào phù hợp.',
		related: 'Cũng được đưa tin trong cùng các nguồn',
		relatedNote:
			'Được nêu trong các bài báo là nguồn của sự kiện này, nhưng không gắn với nó trong dữ liệu.',
		more: (n: number, left: number) =>
			`Hiện thêm ${n} (còn ${left.toLocaleString('vi')} chưa hiện)`,
		count: (n: number) => `${n.toLocaleString('vi')} phát biểu`
	},
	topics: {
		'ceasefire-call': 'kêu gọi ngừng bắn',
		condemnation: 'lên án',
		concern: 'quan ngại',
		humanitarian: 'nhân đạo',
		'casualty-report': 'thông báo thương vong',
		'territorial-claim': 'tuyên bố lãnh thổ',
		cooperation: 'hợp tác',
		diplomacy: 'ngoại giao',
		denial: 'bác bỏ'
	},
	timeline: {
		heading: 'Dòng thời gian',
		from: 'Từ ngày',
		to: 'Đến ngày',
		window: 'Khoảng thời gian',
		start: 'Đầu khoảng thời gian',
		end: 'Cuối khoảng thời gian',
		reset: 'Toàn bộ thời kỳ',
		hint: 'Kéo khoảng thời gian hoặc hai mép của nó; phím mũi tên dời một mép một ngày, Page Up/Down một tháng.'
	},
	sheet: {
		tabs: 'Các bảng',
		list: 'Danh sách',
		details: 'Chi tiết',
		statements: 'Phát biểu',
		filters: 'Bộ lọc',
		expand: 'Mở rộng bảng',
		collapse: 'Thu gọn bảng',
		resize: 'Đổi kích thước bảng'
	},
	page: {
		back: 'Mở trong bản đồ',
		position: 'Vị trí',
		locator: (place: string) => `Bản đồ định vị: ${place} trong khu vực`,
		notFound: 'Không có sự kiện nào với mã này.',
		statementsNone: 'Không có phát biểu nào gắn với sự kiện này.',
		dataset: 'Bộ dữ liệu'
	},
	account: {
		signIn: 'Đăng nhập',
		signOut: 'Đăng xuất',
		signOutEverywhere: 'Đăng xuất khỏi mọi nơi',
		signOutEverywhereHint: 'Kết thúc cả các phiên trên mọi thiết bị và trình duyệt khác',
		area: 'Tài khoản của bạn',
		heading: 'Đăng nhập vào Bản đồ Sự kiện',
		intro: 'Dành cho biên tập viên và người duyệt. Đọc bản đồ không cần tài khoản.',
		email: 'Địa chỉ e-mail',
		password: 'Mật khẩu',
		submit: 'Đăng nhập',
		back: 'Quay lại bản đồ',
		missing: 'Hãy nhập địa chỉ e-mail và mật khẩu.',
		invalid: 'Địa chỉ e-mail hoặc mật khẩu không đúng.',
		tooMany: (minutes: number) => `Đăng nhập sai quá nhiều lần. Hãy thử lại sau ${minutes} phút.`,
		roles: {
			editor: 'biên tập viên',
			reviewer: 'người duyệt',
			admin: 'quản trị viên'
		}
	},
	review: {
		queueLink: (n: number) => `Hàng chờ duyệt (${n})`,
		heading: 'Hàng chờ duyệt',
		intro: 'Các bản ghi đang chờ người duyệt: xuất bản, hoặc trả lại kèm nhận xét.',
		empty: 'Không có gì đang chờ duyệt.',
		record: 'Bản ghi',
		kind: 'Loại',
		submittedBy: 'Người gửi',
		since: 'Chờ từ',
		isNew: 'bản ghi mới',
		editOf: (version: number) => `bản sửa của phiên bản đã xuất bản ${version}`,
		collections: {
			incidents: 'sự kiện',
			sources: 'nguồn',
			statements: 'phát biểu',
			places: 'địa điểm',
			layers: 'lớp bản đồ'
		} as Record<string, string>,
		fields: 'Phiên bản đang chờ duyệt',
		changes: 'Thay đổi so với phiên bản đã xuất bản',
		notPublished: 'Chưa từng xuất bản: mọi trường ở trên đều mới.',
		noChanges: 'Không trường nào khác với phiên bản đã xuất bản.',
		field: 'Trường',
		value: 'Giá trị',
		before: 'Trước',
		after: 'Sau',
		absent: '(không có)',
		publish: 'Xuất bản',
		sendBack: 'Trả lại',
		comment: 'Nhận xét cho biên tập viên (bắt buộc khi trả lại)',
		published: 'Đã xuất bản: người đọc đã thấy.',
		sentBack: 'Đã trả lại cho biên tập viên dưới dạng bản nháp.',
		notWaiting: 'Bản ghi này không đang chờ duyệt.',
		back: 'Quay lại hàng chờ duyệt',
		history: 'Lịch sử của bản ghi này'
	},
	history: {
		heading: 'Lịch sử',
		of: (title: string) => `Lịch sử của “${title}”`,
		intro: 'Mọi phiên bản của sự kiện này: ai tạo, khi nào và vì sao.',
		introPublic: 'Mọi phiên bản đã công bố của sự kiện này và các lần đính chính.',
		version: 'Phiên bản',
		status: 'Trạng thái',
		author: 'Tác giả',
		time: 'Thời gian',
		reason: 'Lý do',
		statuses: {
			draft: 'bản nháp',
			in_review: 'đang chờ duyệt',
			published: 'đã xuất bản',
			retracted: 'đã rút lại'
		} as Record<string, string>,
		system: 'hệ thống',
		compare: 'So sánh hai phiên bản',
		from: 'Từ phiên bản',
		to: 'Đến phiên bản',
		show: 'Xem khác biệt',
		diffHeading: (from: number, to: number) => `Thay đổi từ phiên bản ${from} đến phiên bản ${to}`,
		noDiff: 'Hai phiên bản không khác nhau.',
		restore: 'Khôi phục phiên bản này',
		restored: (from: number, version: number) =>
			`Phiên bản ${from} đã được khôi phục thành phiên bản ${version}, một bản nháp chờ duyệt.`,
		stale: 'Bản ghi vừa thay đổi: hãy xem phiên bản mới nhất rồi thử lại.',
		none: 'Không có phiên bản công khai nào của sự kiện này.',
		back: 'Quay lại sự kiện'
	},
	corrections: {
		retracted: (date: string, reason: string) => `Đã rút lại ngày ${date}: ${reason}`,
		updated: (date: string) => `Cập nhật ${date}`,
		history: 'Xem những gì đã thay đổi'
	},
	langNames: {
		vi: 'tiếng Việt',
		en: 'tiếng Anh',
		ru: 'tiếng Nga',
		az: 'tiếng Azerbaijan',
		hy: 'tiếng Armenia',
		fr: 'tiếng Pháp',
		de: 'tiếng Đức'
	}
};
