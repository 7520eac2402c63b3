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
		legend: 'Chú giải và các lớp bản đồ',
		sameSpot: '{count} sự kiện tại đây: hãy chọn một',
		more: 'và {count} sự kiện khác',
		clickToChoose: 'Bấm để chọn một sự kiện'
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
		empty:
			'Hãy chọn một sự kiện trên bản đồ, trong danh sách hoặc bấm vào vạch của nó trên dòng thời gian.',
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
		tanks_destroyed: 'xe tăng bị phá hủy',
		aircraft_lost: 'máy bay bị tổn thất'
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
		via: 'qua',
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
		none: 'Không có phát biểu nào khớp với tổ chức và chủ đề đã chọn.',
		noneLinked: 'Không có phát biểu nào gắn với sự kiện này.',
		noneInWindow: 'Không có phát biểu nào trong khoảng thời gian này.',
		showAll: 'Hiện mọi phát biểu',
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
		denial: 'bác bỏ',
		'mine-explosion': 'nổ mìn',
		peacekeeping: 'gìn giữ hòa bình',
		'recovery-of-the-dead': 'tìm kiếm thi thể',
		'aircraft-loss': 'tổn thất máy bay',
		restraint: 'kiềm chế',
		negotiations: 'đàm phán',
		civilians: 'dân thường'
	},
	terms: {
		actors: {
			'Armed Forces of Armenia': 'Lực lượng vũ trang Armenia',
			'Armed Forces of Azerbaijan': 'Lực lượng vũ trang Azerbaijan',
			'Civilians (Nagorno-Karabakh)': 'Dân thường (Nagorno-Karabakh)',
			'International Committee of the Red Cross': 'Ủy ban Chữ thập đỏ quốc tế',
			'Nagorno-Karabakh Defence Army': 'Quân đội phòng vệ Nagorno-Karabakh',
			'Nagorno-Karabakh State Service for Emergency Situations':
				'Cơ quan Tình trạng khẩn cấp Nagorno-Karabakh',
			'Russian peacekeeping contingent': 'Lực lượng gìn giữ hòa bình Nga'
		},
		subTypes: {
			'Armed clash': 'Đụng độ vũ trang',
			'Government regains territory': 'Chính phủ giành lại lãnh thổ',
			'Remote explosive/landmine/IED': 'Vật nổ điều khiển từ xa / mìn / bom tự chế',
			'Shelling/artillery/missile attack': 'Pháo kích / tấn công bằng pháo, tên lửa',
			'Air/drone strike': 'Không kích / tấn công bằng máy bay không người lái',
			Attack: 'Tấn công'
		},
		subjects: {
			'Armenian soldiers': 'binh sĩ Armenia',
			'Azerbaijani helicopter (Mi-24)': 'trực thăng Azerbaijan (Mi-24)',
			'Azerbaijani serviceman': 'quân nhân Azerbaijan',
			'Azerbaijani soldiers': 'binh sĩ Azerbaijan',
			'Lele Tepe height': 'cao điểm Lele Tepe',
			'Russian peacekeeper (officer)': 'binh sĩ gìn giữ hòa bình Nga (sĩ quan)',
			'Seysulan village and surrounding heights': 'làng Seysulan và các cao điểm xung quanh',
			'child (born 2004)': 'trẻ em (sinh năm 2004)',
			children: 'trẻ em',
			'civilians (members of the Khalapyan family)': 'dân thường (người trong gia đình Khalapyan)',
			'employees of the Nagorno-Karabakh emergency service':
				'nhân viên cơ quan cứu hộ khẩn cấp Nagorno-Karabakh',
			'people on both sides': 'người của cả hai bên',
			'strategic heights and settlements in Nagorno-Karabakh':
				'các cao điểm chiến lược và khu dân cư ở Nagorno-Karabakh'
		},
		names: {
			'Ministry of Defence of Azerbaijan': 'Bộ Quốc phòng Azerbaijan',
			'Ministry of Defence of Russia': 'Bộ Quốc phòng Nga',
			'Ministry of Defence of the Nagorno-Karabakh Republic':
				'Bộ Quốc phòng Cộng hòa Nagorno-Karabakh',
			'Serzh Sargsyan, President of Armenia': 'Serzh Sargsyan, Tổng thống Armenia',
			'The Armenian Weekly (Armenian side)': 'The Armenian Weekly (phía Armenia)'
		},
		roles: {
			'Foreign Minister of Germany and OSCE Chairperson-in-Office':
				'Ngoại trưởng Đức, Chủ tịch luân phiên OSCE',
			'High Representative for Foreign Affairs and Security Policy':
				'Đại diện cấp cao về chính sách đối ngoại và an ninh',
			'Minister of Defence': 'Bộ trưởng Quốc phòng',
			'Minister of Foreign Affairs': 'Bộ trưởng Ngoại giao',
			President: 'Tổng thống',
			'Secretary of State': 'Ngoại trưởng',
			'Secretary-General': 'Tổng Thư ký',
			'ministry press service': 'cơ quan báo chí của bộ'
		},
		via: {
			'official announcement relayed by the press': 'thông báo chính thức được báo chí đăng lại',
			'official report relayed by the press': 'báo cáo chính thức được báo chí đăng lại',
			'phone calls with defence ministers Seyran Ohanyan and Zakir Hasanov':
				'các cuộc điện đàm với bộ trưởng quốc phòng Seyran Ohanyan và Zakir Hasanov',
			'phone calls with the Armenian and Azerbaijani foreign ministers':
				'các cuộc điện đàm với ngoại trưởng Armenia và Azerbaijan',
			'spokesman Dmitry Peskov': 'người phát ngôn Dmitry Peskov',
			'spokesperson Stéphane Dujarric at the noon press briefing':
				'người phát ngôn Stéphane Dujarric tại cuộc họp báo buổi trưa',
			'statement issued through his spokesperson': 'tuyên bố do người phát ngôn đưa ra',
			'written statement': 'tuyên bố bằng văn bản'
		}
	},
	timeline: {
		heading: 'Dòng thời gian',
		from: 'Từ ngày',
		to: 'Đến ngày',
		window: 'Khoảng thời gian',
		start: 'Đầu khoảng thời gian',
		end: 'Cuối khoảng thời gian',
		reset: 'Toàn bộ thời kỳ',
		hint: 'Kéo khoảng thời gian hoặc hai mép của nó; phím mũi tên dời một mép một ngày, Page Up/Down một tháng. Bấm vào một vạch để chọn sự kiện của nó.',
		sameDay: '{count} sự kiện tại vạch này: hãy chọn một'
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
	editor: {
		newIncident: 'Sự kiện mới',
		edit: 'Chỉnh sửa',
		headingNew: 'Sự kiện mới',
		headingEdit: 'Chỉnh sửa sự kiện',
		backToMap: 'Quay lại bản đồ',
		required: 'bắt buộc',
		titleEn: 'Tiêu đề (tiếng Anh)',
		titleVi: 'Tiêu đề (tiếng Việt)',
		summaryEn: 'Tóm tắt (tiếng Anh)',
		summaryVi: 'Tóm tắt (tiếng Việt)',
		when: 'Thời gian',
		date: 'Ngày',
		dateEnd: 'Ngày kết thúc (nếu kéo dài hơn một ngày)',
		datePrecision: 'Ngày chính xác đến',
		datePrecisions: {
			day: 'ngày',
			week: 'tuần',
			month: 'tháng',
			year: 'năm'
		} as Record<string, string>,
		what: 'Diễn biến',
		type: 'Loại sự kiện',
		chooseType: 'Chọn một loại',
		subType: 'Loại chi tiết',
		actors: 'Các bên liên quan',
		actorsHint: 'Mỗi dòng một bên, ghi như các nguồn gọi tên.',
		where: 'Địa điểm',
		mapHint:
			'Nhấp vào bản đồ để đặt vị trí sự kiện, hoặc chọn một địa danh trong danh bạ địa danh. Cũng có thể nhập tọa độ.',
		mapLabel: 'Bản đồ để đặt vị trí sự kiện: nhấp để đặt',
		longitude: 'Kinh độ',
		latitude: 'Vĩ độ',
		noPoint: 'Chưa đặt vị trí.',
		lineKept:
			'Sự kiện này được vẽ bằng một đường và đường đó được giữ nguyên; đặt một điểm sẽ thay thế nó.',
		gazetteer: 'Chọn địa danh trong danh bạ địa danh',
		gazetteerHint: 'Gõ tên; chọn một địa danh sẽ thêm nó và dời điểm đến đó.',
		addPlace: 'Thêm địa danh',
		unknownPlace: (name: string) => `Không có địa danh nào tên “${name}” trong danh bạ.`,
		places: 'Địa danh',
		noPlaces: 'Chưa liên kết địa danh nào.',
		removePlace: (name: string) => `Bỏ ${name}`,
		locationPrecision: 'Độ chính xác của vị trí',
		uncertainty: 'Sai số của vị trí (mét)',
		locationNote: 'Ghi chú về vị trí',
		sources: 'Nguồn',
		sourcesHint: 'Các nguồn đã công bố mà sự kiện này dựa vào (ít nhất một nguồn).',
		save: 'Lưu bản nháp',
		saving: 'Đang lưu…',
		saved: (version: number) => `Đã lưu thành phiên bản ${version}.`,
		submit: 'Gửi duyệt',
		submitting: 'Đang gửi…',
		submitted: 'Đã gửi duyệt. Người duyệt sẽ công bố hoặc trả lại bản này.',
		saveFirst: 'Hãy lưu các thay đổi trước khi gửi duyệt.',
		status: {
			draft: 'Bản nháp',
			in_review: 'Đang chờ duyệt',
			published: 'Đã công bố',
			retracted: 'Đã rút lại'
		} as Record<string, string>,
		statusLabel: 'Trạng thái',
		version: (version: number) => `phiên bản ${version}`,
		invalid: 'Bản nháp chưa được lưu: hãy sửa các trường được đánh dấu bên dưới.',
		stale: (version: number) =>
			`Trong lúc đó người khác đã lưu sự kiện này (nay là phiên bản ${version}). Hãy tải lại để xem thay đổi của họ; những chỉnh sửa của bạn ở đây chưa được lưu.`,
		reload: 'Tải lại phiên bản mới nhất',
		failed: (status: number, message: string) => `Chưa lưu được (${status}): ${message}`,
		signedOut: 'Phiên đăng nhập đã hết: hãy đăng nhập lại rồi lưu.',
		notFound: 'Không có sự kiện nào với mã này.',
		loading: 'Đang tải…'
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
